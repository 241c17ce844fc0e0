using Mdm.Application;
using Mdm.Api.Cli;
using Mdm.Api.Http.Audit;
using Mdm.Api.Http.Endpoints;
using Mdm.Api.Http.Security;
using Mdm.Connectors.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Mdm.Api.Http;

/// <summary>
/// The HTTP host: ASP.NET Core minimal APIs over the same store and engine the command line uses, one route group per
/// feature, API keys with roles, the audit trail, OpenAPI and the call-center and steward pages.
/// </summary>
public static class MdmServer
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(ServeOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The bundled appsettings.json and the pages sit beside the executable, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (options.SettingsPath is { } settings)
        {
            if (!File.Exists(settings)) throw new FileNotFoundException($"no settings file at {Path.GetFullPath(settings)}");
            builder.Configuration.AddJsonFile(Path.GetFullPath(settings), optional: false);
            builder.Configuration.AddEnvironmentVariables(); // the environment still wins, as ASP.NET users expect
        }
        var urls = options.Urls ?? builder.Configuration["Urls"] ?? DefaultUrls;
        builder.WebHost.UseUrls(urls);

        var keySettings = builder.Configuration.GetSection("Mdm").Get<ApiKeySettings>() ?? new ApiKeySettings();
        if (keySettings.ApiKeys.Count == 0 && options.FallbackKeys is { } fallback)
            foreach (var (name, entry) in fallback) keySettings.ApiKeys[name] = entry;
        var keys = new ApiKeyRegistry(keySettings);
        var limits = builder.Configuration.GetSection("Mdm:Limits").Get<ApiLimits>() ?? new ApiLimits();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxRequestBytes);

        var file = SourcesFile.Load(Path.GetFullPath(options.SourcesPath));
        var target = StoreLocation.Of(file, options.StorePath);
        // Opened before the host so that a missing store or a busy writer lock ends the command with one clear line.
        var hub = new LiveHub(file, target, options.MatchingPath, options.Wait);

        builder.Services.AddSingleton(hub);
        builder.Services.AddSingleton(hub.Reader);
        builder.Services.AddSingleton<CustomerViews>();
        builder.Services.AddSingleton(sp => new AuditLog(target, sp.GetRequiredService<ILogger<AuditLog>>()));
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(Options.Create(limits));
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(ApiPolicy.Add);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Mdm";
            doc.Info.Description = "Golden customer IDs, cross-reference, real-time resolve, change feed, call-center look-up and stewardship. " +
                                   "Send the API key as X-Api-Key.";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(j =>
            j.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLogging();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseDeniedRequestAudit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs");
        app.MapXref();
        app.MapRecords();
        app.MapCustomers();
        app.MapReviews();
        app.MapSteward();
        app.MapAdmin();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            // One line a script (and the tests) can wait for: the address actually bound (port 0 picks a free one).
            Console.WriteLine($"mdm: serving {target.Location} on {string.Join(" ", addresses)} ({keys.Count} API keys)");
        });
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            app.Services.GetRequiredService<AuditLog>().DisposeAsync().AsTask().GetAwaiter().GetResult();
            hub.Dispose();
        });
        return app;
    }
}
