namespace Mdm.Api.Http;

/// <summary>What <c>mdm serve</c> was told on the command line.</summary>
public sealed record ServeOptions
{
    public required string SourcesPath { get; init; }
    public string? StorePath { get; init; }
    public string? MatchingPath { get; init; }
    /// <summary>Where to listen (default: the configuration's "Urls", else http://127.0.0.1:5080).</summary>
    public string? Urls { get; init; }
    /// <summary>An appsettings-style JSON file read after the bundled appsettings.json (API keys, limits, logging).</summary>
    public string? SettingsPath { get; init; }
    public TimeSpan? Wait { get; init; }
    /// <summary>Keys configured in code (the demo's), used when the configuration names none.</summary>
    public IReadOnlyDictionary<string, Security.ApiKeyEntry>? FallbackKeys { get; init; }
}
