using FsCheck;
using FsCheck.Fluent;
using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Tests.Standardization.Addresses.Properties;

/// <summary>
/// The Chinese address parser against the whole division catalogue: every county in several written forms, every
/// township of a deterministic sample of counties, and FsCheck's random combinations (see <see cref="AddressProperty"/>).
/// Counter-examples found here are kept as explicit cases in <see cref="AddressParserCounterExampleTests"/>.
/// </summary>
[TestFixture]
public sealed class AddressParserPropertyTests
{
    // Every 10th county contributes all its townships: ~4,000 townships, a few seconds.
    private const int TownshipCountyStride = 10;

    // CI replays one fixed seed (3,000 cases) so a run never fails on a case nobody has seen; MDM_PROPERTY_TESTS=N
    // searches N cases from a fresh seed (what found the counter-examples).
    private static readonly int Search =
        int.TryParse(Environment.GetEnvironmentVariable("MDM_PROPERTY_TESTS"), out int n) && n > 0 ? n : 0;

    private static readonly string[] Separators = ["", " ", ",", "，"];

    [Test]
    public void Every_county_in_every_form()
    {
        var specs = new List<AddressSpec>(AddressGenerator.Counties.Length * 12);
        for (int i = 0; i < AddressGenerator.Counties.Length; i++)
        {
            DivisionNode k = AddressGenerator.Counties[i];
            var random = new Random(i); // deterministic: the same roads every run
            var own = AddressGenerator.OwnTownships(k);
            AddressSpec Spec(NameForm p, NameForm c, NameForm kf, DivisionNode? t = null, bool traditional = false,
                bool fullWidth = false, bool hash = false, string separator = "") =>
                AddressGenerator.Normalize(new AddressSpec(k, p, c, kf, t, AddressGenerator.Road(k, random), random.Next(1, 3000),
                    traditional, fullWidth, hash, separator));
            string sep = Separators[i % Separators.Length];
            const NameForm O = NameForm.Omitted, F = NameForm.Full, S = NameForm.Short;
            specs.Add(Spec(F, F, F));
            specs.Add(Spec(O, F, F));
            specs.Add(Spec(O, O, F));
            specs.Add(Spec(S, S, S));
            specs.Add(Spec(F, O, S));
            specs.Add(Spec(O, F, S));
            specs.Add(Spec(O, S, S));
            specs.Add(Spec(O, O, S, separator: sep));
            specs.Add(Spec(F, F, F, traditional: true, separator: sep));
            specs.Add(Spec(S, S, S, traditional: true, fullWidth: true, hash: true));
            if (own.Count > 0) specs.Add(Spec(F, F, F, own[random.Next(own.Count)], separator: sep));
            specs.Add(Spec(O, F, F, AddressGenerator.Townships[random.Next(AddressGenerator.Townships.Length)], fullWidth: true));
            specs.Add(Spec(S, S, S, AddressGenerator.Townships[random.Next(AddressGenerator.Townships.Length)], hash: true, separator: sep));
        }
        AssertHolds(specs);
    }

    [Test]
    public void Every_township_of_a_sample_of_counties()
    {
        var specs = new List<AddressSpec>();
        for (int i = 0; i < AddressGenerator.Counties.Length; i += TownshipCountyStride)
        {
            DivisionNode k = AddressGenerator.Counties[i];
            var random = new Random(-i);
            string sep = Separators[i % Separators.Length];
            foreach (var t in AddressGenerator.OwnTownships(k))
            {
                AddressSpec Spec(NameForm p, NameForm c, NameForm kf, bool traditional = false, string separator = "") =>
                    AddressGenerator.Normalize(new AddressSpec(k, p, c, kf, t, AddressGenerator.Road(k, random), random.Next(1, 3000),
                        traditional, false, false, separator));
                specs.Add(Spec(NameForm.Full, NameForm.Full, NameForm.Full));
                specs.Add(Spec(NameForm.Omitted, NameForm.Short, NameForm.Short, separator: sep));
                specs.Add(Spec(NameForm.Omitted, NameForm.Full, NameForm.Omitted));
                specs.Add(Spec(NameForm.Short, NameForm.Omitted, NameForm.Full, traditional: true));
            }
        }
        AssertHolds(specs);
    }

    [Test]
    public void Random_combinations()
    {
        Prop.ForAll(AddressGenerator.Specs().ToArbitrary(), s =>
        {
            var problems = AddressProperty.Violations(s);
            return problems.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", problems) + " — " + s);
        }).Check(Search > 0
            ? Config.QuickThrowOnFailure.WithMaxTest(Search)
            : Config.QuickThrowOnFailure.WithMaxTest(3000).WithReplay(20260101UL, 1UL));
    }

    private static void AssertHolds(List<AddressSpec> specs)
    {
        var failures = new List<string>();
        foreach (var s in specs)
        {
            if (AddressProperty.IsDocumentedException(s)) continue;
            var problems = AddressProperty.Violations(s);
            if (problems.Count > 0) failures.Add(string.Join("; ", problems) + " — " + s);
        }
        if (failures.Count > 0)
        {
            string path = Path.Combine(TestContext.CurrentContext.WorkDirectory,
                TestContext.CurrentContext.Test.MethodName + ".failures.txt");
            File.WriteAllLines(path, failures);
        }
        Assert.That(failures, Is.Empty, $"{failures.Count} of {specs.Count} generated addresses break a property:\n"
            + string.Join("\n", failures.Take(30)));
    }
}
