using Mdm.Engine.Records;
using Mdm.Engine.Resolution;
using Mdm.Engine.Storage;
using NUnit.Framework;

namespace Mdm.Tests.Resolution;

/// <summary>Lineage is stored grouped by source and rule; every field's source and rule must still read back.</summary>
public class GoldenLineageTests
{
    [Test]
    public void StoredLineageReadsBackPerField()
    {
        var golden = new GoldenRecord { GoldenId = "G000000001", Kind = PartyKind.Person, MemberCount = 2, Systems = ["counter", "crm"] };
        golden.Lineage["address"] = new FieldLineage("counter", "C1", "trust 80");
        golden.Lineage["name"] = new FieldLineage("counter", "C1", "agreed by 2 of 2");
        golden.Lineage["email"] = new FieldLineage("crm", "CRM-9", "only source");
        golden.Lineage["given_name"] = new FieldLineage("counter", "C1", "agreed by 2 of 2");
        golden.Lineage["phones"] = new FieldLineage("counter", "C1", "union of 2 sources");
        foreach (var field in golden.Lineage.Keys) golden.Fields[field] = "x";

        var stored = GoldenRecordRow.From(golden).LineageJson;
        Assert.That(stored, Does.StartWith("["));
        Assert.That(stored, Does.Contain("\"rule\":\"agreed by 2 of 2\",\"fields\":[\"given_name\",\"name\"]"), "fields of one source and rule share a group");
        Assert.That(GoldenLineage.Parse(stored), Is.EqualTo(golden.Lineage));
    }

    [Test]
    public void LineageOfStoresWrittenBeforeGroupingStillReads()
    {
        const string old = """{"email":{"system":"crm","key":"CRM-9","rule":"only source"},"name":{"system":"counter","key":"C1","rule":"trust 80"}}""";
        var lineage = GoldenLineage.Parse(old);
        Assert.That(lineage, Has.Count.EqualTo(2));
        Assert.That(lineage["email"], Is.EqualTo(new FieldLineage("crm", "CRM-9", "only source")));
        Assert.That(lineage["name"], Is.EqualTo(new FieldLineage("counter", "C1", "trust 80")));
    }

    [Test]
    public void GoldenRecordWithoutFieldsHasEmptyLineage()
    {
        var golden = new GoldenRecord { GoldenId = "G000000002", Kind = PartyKind.Organization, MemberCount = 1, Systems = ["A"] };
        var stored = GoldenRecordRow.From(golden).LineageJson;
        Assert.That(stored, Is.EqualTo("[]"));
        Assert.That(GoldenLineage.Parse(stored), Is.Empty);
    }
}
