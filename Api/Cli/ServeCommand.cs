using System.CommandLine;
using System.Security.Cryptography;
using Mdm.Api.Http;
using Mdm.Api.Http.Security;

namespace Mdm.Api.Cli;

/// <summary><c>mdm serve</c>: the HTTP API and pages over a loaded store; and the keys <c>mdm demo --serve</c> makes up.</summary>
internal static class ServeCommand
{
    public static Option<string?> UrlsOption() => new("--urls")
    {
        Description = $"Where to listen (default: \"Urls\" in the configuration, else {MdmServer.DefaultUrls}: this machine only).",
    };

    public static Command Build()
    {
        var config = MdmCommandLine.ConfigOption(); var store = MdmCommandLine.StoreOption(); var matching = MdmCommandLine.MatchingOption();
        var urls = UrlsOption();
        var settings = new Option<FileInfo?>("--settings") { Description = "An appsettings-style JSON file (API keys, limits, logging) read after the bundled appsettings.json." };
        var cmd = new Command("serve",
            "Serves the HTTP API (cross-reference, real-time resolve, change feed, customer look-up, stewardship, audit) and the call-center and steward pages over the store. " +
            "Holds the store's writer lock while it runs. API keys come from the configuration: Mdm:ApiKeys:<name>:Key and :Role (system, agent, steward, admin).")
            { config, store, matching, urls, settings };
        cmd.SetAction(parse => MdmCommandLine.Guard(() =>
        {
            var app = MdmServer.Build(new ServeOptions
            {
                SourcesPath = parse.GetValue(config)!.FullName,
                StorePath = parse.GetValue(store),
                MatchingPath = parse.GetValue(matching)?.FullName,
                Urls = parse.GetValue(urls),
                SettingsPath = parse.GetValue(settings)?.FullName,
                Wait = MdmCommandLine.Wait(parse),
            });
            app.Run();
            return 0;
        }));
        return cmd;
    }

    /// <summary>One fresh key per role for the demo server, printed so a newcomer can open the pages with them.</summary>
    public static Dictionary<string, ApiKeyEntry> DemoKeys() => ApiRole.All.ToDictionary(role => "demo-" + role,
        role => new ApiKeyEntry { Role = role, Key = $"demo-{role}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}" });
}
