using System.Net.Http.Json;
using System.Text.Json;
using Mdm.Tests.Http;

namespace Mdm.Tests.Pages;

/// <summary>The call-center page in a real browser with an agent's key: what an agent sees of the customer on the line.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CallCenterPageTests : PageFixture
{
    private static readonly string[] Tiers = ["super", "large", "medium", "small", "inactive", "prospect"];

    /// <summary>
    /// A person known to several systems with one mobile number no other customer has (so the search can only mean
    /// them): golden ID, name, systems and the number as stored (+86…).
    /// </summary>
    private string[] PersonWithUniquePhone() => Query(
        """
        SELECT g.golden_id, json_extract(g.fields, '$.name'), g.systems, json_extract(g.fields, '$.phones')
        FROM golden_records g
        WHERE g.kind = 0 AND g.systems LIKE '%,%' AND json_extract(g.fields, '$.phones') GLOB '+861[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
          AND (SELECT count(*) FROM golden_records o WHERE o.fields LIKE '%' || json_extract(g.fields, '$.phones') || '%') = 1
        ORDER BY g.golden_id LIMIT 1
        """).Single();

    [Test]
    public async Task APhoneTypedInAnotherFormatFindsTheCustomerWithTierAndSystemsAndShowsThePhoneMasked()
    {
        var (goldenId, name, systems, phone) = PersonWithUniquePhone() switch { var r => (r[0], r[1], r[2].Split(','), r[3]) };
        var national = phone[3..]; // +86 13964980206 → 13964980206
        var typed = $"{national[..3]}-{national[3..7]}-{national[7..]}"; // as a caller reads it out: 139-6498-0206
        using var agent = Server.Client("agent");
        var view = await agent.GetFromJsonAsync<JsonElement>($"/api/customers/{goldenId}");
        var tier = view.GetProperty("value").GetProperty("tier").GetString();

        await Open("callcenter.html", ServerProcess.Keys["agent"]);
        await Page.GetByLabel("Search").FillAsync(typed);
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Page.Locator($"#hits button[data-golden-id='{goldenId}']").ClickAsync();

        await Expect(Page.GetByTestId("customer-name")).ToHaveTextAsync(name);
        await Expect(Page.GetByTestId("golden-id")).ToHaveTextAsync(goldenId);
        Assert.That(Tiers, Does.Contain(tier), "the API's tier");
        await Expect(Page.GetByTestId("tier")).ToHaveTextAsync(tier!, new() { IgnoreCase = true });
        foreach (var system in systems) await Expect(Page.GetByTestId("systems")).ToContainTextAsync(system);
        await Expect(Page.GetByTestId("value")).ToContainTextAsync("Lifetime");
        // Masked as the API returns it to agents: the last four digits to confirm with the caller, never the whole number.
        var shown = await Page.GetByTestId("phones").InnerTextAsync();
        Assert.That(shown, Does.Contain("*").And.EndsWith(national[^4..]).And.Not.Contains(national));
        Assert.That(await Page.Locator("body").InnerTextAsync(), Does.Not.Contain(national));
    }

    [Test]
    public async Task AGoldenIdOpensTheCustomerWithEverySystemAndKeyAndMaskedIdentifiers()
    {
        var (goldenId, name) = Query(
            """
            SELECT golden_id, json_extract(fields, '$.name') FROM golden_records
            WHERE kind = 0 AND systems LIKE '%,%,%' AND json_extract(fields, '$.national_id') GLOB '[0-9]*' ORDER BY golden_id LIMIT 1
            """).Single() switch { var r => (r[0], r[1]) };
        var keys = Query($"SELECT system, source_key FROM cross_reference WHERE golden_id = '{goldenId}'");
        var nationalId = Query($"SELECT json_extract(fields, '$.national_id') FROM golden_records WHERE golden_id = '{goldenId}'").Single()[0];

        await Open("callcenter.html", ServerProcess.Keys["agent"]);
        await Page.GetByLabel("Search").FillAsync(goldenId.ToLowerInvariant()); // as typed, in lower case
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByTestId("customer-name")).ToHaveTextAsync(name);
        await Expect(Page.GetByTestId("records").Locator("tbody tr")).ToHaveCountAsync(keys.Count);
        foreach (var key in keys) await Expect(Page.GetByTestId("records")).ToContainTextAsync(key[1]);
        // The ID number as agents get it: first and last four characters.
        await Expect(Page.GetByTestId("national-id")).ToHaveTextAsync(nationalId[..4] + new string('*', nationalId.Length - 8) + nationalId[^4..]);
        Assert.That(await Page.Locator("body").InnerTextAsync(), Does.Not.Contain(nationalId));
    }

    [Test]
    public async Task AWrongKeyShowsTheUnauthorizedMessage()
    {
        var goldenId = Query("SELECT golden_id FROM golden_records ORDER BY golden_id LIMIT 1").Single()[0];

        await Open("callcenter.html", "not-a-key");
        await Page.GetByLabel("Search").FillAsync(goldenId);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToContainTextAsync("API key was not accepted (401");
        await Expect(Page.GetByTestId("customer-name")).ToHaveCountAsync(0);
    }
}
