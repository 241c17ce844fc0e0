using System.Security.Cryptography;
using System.Text;

namespace Mdm.Api.Http.Security;

/// <summary>
/// The configured keys, checked once at start-up and held only as SHA-256 digests: a look-up compares digests, so the
/// time it takes says nothing about how much of a guessed key was right.
/// </summary>
public sealed class ApiKeyRegistry
{
    public const int MinimumKeyLength = 16;

    private readonly Dictionary<string, (string Name, string Role)> _byDigest = new(StringComparer.Ordinal);

    public ApiKeyRegistry(ApiKeySettings settings)
    {
        foreach (var (name, entry) in settings.ApiKeys)
        {
            if (!ApiRole.All.Contains(entry.Role))
                throw new InvalidOperationException($"API key '{name}': role '{entry.Role}' is not one of {string.Join(", ", ApiRole.All)}");
            if (entry.Key.Length < MinimumKeyLength)
                throw new InvalidOperationException($"API key '{name}': the key must have at least {MinimumKeyLength} characters");
            if (!_byDigest.TryAdd(Digest(entry.Key), (name, entry.Role)))
                throw new InvalidOperationException($"API key '{name}': the same key is configured twice");
        }
        if (_byDigest.Count == 0)
            throw new InvalidOperationException(
                "no API keys are configured: add Mdm:ApiKeys to appsettings.json, or set Mdm__ApiKeys__<name>__Key and Mdm__ApiKeys__<name>__Role");
    }

    public int Count => _byDigest.Count;

    public bool TryFind(string key, out string name, out string role)
    {
        if (_byDigest.TryGetValue(Digest(key), out var found))
        {
            (name, role) = found;
            return true;
        }
        name = role = "";
        return false;
    }

    private static string Digest(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
