namespace Mdm.Api.Http.Security;

/// <summary>One API key: its secret (at least 16 characters) and its role (<see cref="ApiRole"/>).</summary>
public sealed class ApiKeyEntry
{
    public string Key { get; set; } = "";
    public string Role { get; set; } = "";
}
