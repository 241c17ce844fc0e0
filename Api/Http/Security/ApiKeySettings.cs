namespace Mdm.Api.Http.Security;

/// <summary>
/// The "Mdm:ApiKeys" section of the configuration (appsettings.json or environment variables such as
/// <c>Mdm__ApiKeys__crm__Key</c> and <c>Mdm__ApiKeys__crm__Role</c>): key name → secret and role. The name is who the
/// audit trail and the steward history say acted.
/// </summary>
public sealed class ApiKeySettings
{
    public Dictionary<string, ApiKeyEntry> ApiKeys { get; set; } = new(StringComparer.Ordinal);
}
