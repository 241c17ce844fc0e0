using Mdm.Engine.Candidates;
using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Tests.Candidates;

/// <summary>One-deletion blocking keys: identifiers one typo apart meet in a block; others do not.</summary>
public class BlockingVariantsTests
{
    private static BlockingKeyBuilder Keys() => new(new MatchingConfiguration
    {
        Blocking = [new() { Name = "id_typo", Features = ["national_id_unvalidated"], Variants = "one_deletion" }],
    });

    private static HashSet<string> KeysOf(BlockingKeyBuilder keys, string id)
    {
        var r = new StandardizedRecord("s", id, PartyKind.Person) { [Feature.NationalIdUnvalidated] = id };
        var list = new List<string>();
        keys.AddKeys(r, list);
        Assert.That(list, Is.Unique, "a record never sits twice in one block");
        return list.ToHashSet();
    }

    [Test]
    public void Values_one_typo_apart_share_a_key_and_others_do_not()
    {
        // Property over random 7-digit identifiers: a substitution, a swap of neighbours, an insertion or a deletion
        // always leaves a shared key; two typos almost never do (and then they are Comparators.WithinOneTypo-false anyway).
        var keys = Keys();
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var id = random.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var at = random.Next(id.Length - 1);
            var typos = new[]
            {
                id[..at] + (char)('0' + (id[at] - '0' + 1 + random.Next(9)) % 10) + id[(at + 1)..],
                id[..at] + id[at + 1] + id[at] + id[(at + 2)..],
                id.Insert(at, "5"),
                id.Remove(at, 1),
            };
            var own = KeysOf(keys, id);
            foreach (var typo in typos)
                Assert.That(own.Overlaps(KeysOf(keys, typo)), Is.True, $"{id} / {typo}");
        }
        Assert.That(KeysOf(keys, "1234567").Overlaps(KeysOf(keys, "7654321")), Is.False);
    }

    [Test]
    public void Variants_need_one_single_valued_feature()
    {
        Assert.Throws<FormatException>(() => new BlockingKeyBuilder(new MatchingConfiguration
        {
            Blocking = [new() { Name = "bad", Features = ["phones"], Variants = "one_deletion" }],
        }));
        Assert.Throws<FormatException>(() => new BlockingKeyBuilder(new MatchingConfiguration
        {
            Blocking = [new() { Name = "bad", Features = ["national_id"], Variants = "two_deletions" }],
        }));
    }
}
