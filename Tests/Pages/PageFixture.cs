using Mdm.Tests.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Mdm.Tests.Pages;

/// <summary>
/// A real <c>mdm serve</c> over a freshly loaded demo store and a headless Debian chromium, once per fixture; each test
/// gets a fresh browser context (its own sessionStorage, so its own key) and ends with a full-page screenshot, attached
/// to the result, of what the page showed (also when it failed: that is when it is most useful).
/// </summary>
public abstract class PageFixture
{
    private const string Chromium = "/usr/bin/chromium";

    private string _dir = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    private protected ServerProcess Server { get; private set; } = null!;
    protected string StorePath { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        if (!File.Exists(Chromium))
        {
            const string reason = $"chromium is missing at {Chromium} (Debian: apt-get install -y chromium fonts-noto-cjk)";
            // On CI a missing browser must not pass silently; on a developer's machine it is a choice.
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
            Assert.Ignore(reason);
        }
        _dir = EndToEnd.EndToEnd.NewTempDirectory("pages");
        StorePath = Path.Combine(_dir, "demo.db");
        var sources = Path.Combine(EndToEnd.EndToEnd.DemoDirectory, "sources.json");
        EndToEnd.EndToEnd.Load(sources, StorePath);
        Server = ServerProcess.Start(sources, StorePath, _dir);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
    }

    [OneTimeTearDown]
    public async Task StopServerAndBrowser()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        Server?.Dispose();
        EndToEnd.EndToEnd.DeleteDirectory(_dir);
    }

    [SetUp]
    public async Task NewPage()
    {
        _context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        // Assertions wait for what a person would wait for, not longer: a page that needs more is too slow anyway.
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
    }

    [TearDown]
    public async Task ScreenshotAndClose()
    {
        if (_context is null) return;
        try
        {
            var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, TestContext.CurrentContext.Test.MethodName + ".png");
            await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
            TestContext.AddTestAttachment(path, "the page at the end of the test");
        }
        finally
        {
            await _context.DisposeAsync();
            _context = null;
        }
    }

    /// <summary>Opens a page with the key in the URL fragment, the way the links <c>mdm demo --serve</c> prints do.</summary>
    protected Task<IResponse?> Open(string page, string key) => Page.GotoAsync(new Uri(Server.BaseAddress, $"{page}#key={Uri.EscapeDataString(key)}").ToString());

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>Rows of the demo store, read directly: the tests pick their customers from what was loaded.</summary>
    protected List<string[]> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={StorePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString()!).ToArray());
        return rows;
    }
}
