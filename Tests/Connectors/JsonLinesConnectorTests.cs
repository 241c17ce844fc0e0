using System.Text;
using Mdm.Engine.Records;

namespace Mdm.Tests.Connectors;

[TestFixture]
public sealed class JsonLinesConnectorTests : ConnectorTestBase
{
    private const string CrmSource = """
        { "system": "crm", "path": "crm.jsonl", "format": "jsonl", "key": "id",
          "fields": { "name": "name", "phone": "phone", "email": "email", "address": "address",
                      "national_id": "id_no", "birth_date": "birth_date" } }
        """;

    [Test]
    public void Good_lines_map_strings_numbers_and_arrays()
    {
        WriteText("crm.jsonl",
            """
            {"id": "K1", "name": " 张三 ", "phone": ["13800138000", "010-65123456"], "email": "zs@example.cn", "id_no": "110101199003071234", "birth_date": "1990-03-07"}
            {"id": 1002, "name": "Li Si", "phone": 13900139000, "address": "上海市浦东新区", "birth_date": null}
            """ + "\n");
        var rows = ReadSource(CrmSource);

        Assert.That(Rejected(rows), Is.Empty);
        var first = rows[0].Record!;
        Assert.That(first.Key, Is.EqualTo("K1"));
        Assert.That(first.Line, Is.EqualTo(1));
        Assert.That(first[CanonicalField.Name], Is.EqualTo("张三"));
        Assert.That(first[CanonicalField.Phone], Is.EqualTo("13800138000; 010-65123456"));
        Assert.That(first[CanonicalField.BirthDate], Is.EqualTo("1990-03-07"));
        var second = rows[1].Record!;
        Assert.That(second.Key, Is.EqualTo("1002"), "a numeric key is its text");
        Assert.That(second[CanonicalField.Phone], Is.EqualTo("13900139000"));
        Assert.That(second.Line, Is.EqualTo(2));
        Assert.That(second.Fields.ContainsKey(CanonicalField.BirthDate), Is.False, "null is absent");
        Assert.That(second.Fields.ContainsKey(CanonicalField.Email), Is.False, "a missing property is absent");
    }

    [Test]
    public void Numbers_keep_their_written_form_and_booleans_are_text()
    {
        WriteText("v.jsonl", """{"id": 7, "code": 0.50, "big": 12345678901234567890, "flag": true}""" + "\n");
        var rows = ReadSource("""
            { "system": "v", "path": "v.jsonl", "key": "id", "fields": { "postcode": "code", "national_id": "big", "gender": "flag" } }
            """);
        var record = rows.Single().Record!;
        Assert.That(record[CanonicalField.Postcode], Is.EqualTo("0.50"));
        Assert.That(record[CanonicalField.NationalId], Is.EqualTo("12345678901234567890"));
        Assert.That(record[CanonicalField.Gender], Is.EqualTo("true"));
    }

    [Test]
    public void Invalid_json_and_non_objects_are_rejected_and_reading_goes_on()
    {
        WriteText("crm.jsonl",
            "{\"id\": \"K1\", \"name\": \"Ann\"}\n" +
            "{\"id\": \"K2\", \"name\": \"Bob\"\n" +
            "\n" +
            "[\"K3\", \"Cy\"]\n" +
            "\"just a string\"\n" +
            "{\"id\": \"K4\", \"name\": \"Di\"}\r\n");
        var rows = ReadSource(CrmSource);

        Assert.That(Accepted(rows).Select(r => (r.Record!.Key, r.Record.Line)), Is.EqualTo(new[] { ("K1", 1L), ("K4", 6L) }));
        var rejects = Rejected(rows).Select(r => r.Reject!).ToList();
        Assert.That(rejects.Select(r => r.Line), Is.EqualTo(new long[] { 2, 4, 5 }));
        Assert.That(rejects[0].Reason, Does.StartWith("invalid JSON: "));
        Assert.That(rejects[0].RawText, Is.EqualTo("{\"id\": \"K2\", \"name\": \"Bob\""));
        Assert.That(rejects[1].Reason, Is.EqualTo("expected a JSON object but found an array"));
        Assert.That(rejects[2].Reason, Is.EqualTo("expected a JSON object but found a string"));
    }

    [Test]
    public void Missing_and_duplicate_keys_are_rejected_like_csv()
    {
        WriteText("crm.jsonl", "{\"id\": \"K1\", \"name\": \"Ann\"}\n{\"name\": \"NoKey\"}\n{\"id\": \"  \"}\n{\"id\": \"K1\", \"name\": \"Again\"}\n");
        var rows = ReadSource(CrmSource);
        Assert.That(rows[0].Record![CanonicalField.Name], Is.EqualTo("Ann"));
        Assert.That(rows[1].Reject!.Reason, Is.EqualTo("missing key"));
        Assert.That(rows[1].Reject!.Field, Is.EqualTo("id"));
        Assert.That(rows[2].Reject!.Reason, Is.EqualTo("missing key"));
        Assert.That(rows[3].Reject!.Reason, Is.EqualTo("duplicate key 'K1' (first seen at line 1)"));
    }

    [Test]
    public void Nested_members_are_addressed_with_dotted_columns_and_names_match_ignoring_case()
    {
        WriteText("crm.jsonl",
            """{"ID": "K1", "Name": "Ann", "address": {"city": "Perth", "lines": ["12 High St", "Unit 4"]}, "contact": {"phones": ["0412", "0413"]}}""" + "\n");
        var rows = ReadSource("""
            { "system": "crm", "path": "crm.jsonl", "key": "id",
              "fields": { "name": "name", "city": "address.city", "address": "address.lines", "phone": "contact.phones" } }
            """);
        var record = rows.Single().Record!;
        Assert.That(record.Key, Is.EqualTo("K1"));
        Assert.That(record[CanonicalField.Name], Is.EqualTo("Ann"));
        Assert.That(record[CanonicalField.City], Is.EqualTo("Perth"));
        Assert.That(record[CanonicalField.Address], Is.EqualTo("12 High St Unit 4"));
        Assert.That(record[CanonicalField.Phone], Is.EqualTo("0412; 0413"));
    }

    [Test]
    public void An_object_where_a_value_is_expected_is_a_reject_naming_the_field()
    {
        WriteText("crm.jsonl", """{"id": "K1", "name": "Ann", "address": {"city": "Perth"}}""" + "\n");
        var reject = ReadSource(CrmSource).Single().Reject!;
        Assert.That(reject.Field, Is.EqualTo("address"));
        Assert.That(reject.Reason, Does.Contain("map one of its members with a dotted column"));
    }

    [Test]
    public void Gb18030_json_lines_with_an_undecodable_value_name_the_property()
    {
        var gb = GetEncoding("gb18030");
        WriteBytes("crm.jsonl",
            gb.GetBytes("{\"id\": \"K1\", \"name\": \"张三\"}\n"),
            gb.GetBytes("{\"id\": \"K2\", \"name\": \"李"), [0xFF], gb.GetBytes("\"}\n"),
            gb.GetBytes("{\"id\": \"K3\", \"name\": \"王五\"}\n"));
        var rows = ReadSource("""{ "system": "crm", "path": "crm.jsonl", "encoding": "gb18030", "key": "id", "fields": { "name": "name" } }""");

        Assert.That(rows[0].Record![CanonicalField.Name], Is.EqualTo("张三"));
        Assert.That(rows[1].Reject!.Reason, Is.EqualTo("undecodable bytes in field name for encoding gb18030"));
        Assert.That(rows[1].Reject!.Field, Is.EqualTo("name"));
        Assert.That(rows[1].Reject!.Key, Is.EqualTo("K2"));
        Assert.That(rows[2].Record![CanonicalField.Name], Is.EqualTo("王五"));
    }

    [Test]
    public void A_utf8_bom_is_skipped()
    {
        WriteText("crm.jsonl", "{\"id\": \"K1\", \"name\": \"Ann\"}\n", new UTF8Encoding(true));
        Assert.That(ReadSource(CrmSource).Single().Record!.Key, Is.EqualTo("K1"));
    }

    [Test]
    public void In_a_messy_file_every_non_blank_line_is_accepted_or_rejected()
    {
        var lines = new[]
        {
            "{\"id\": \"1\", \"name\": \"a\"}", "", "{\"id\": \"2\", \"name\": ", "   ", "{\"id\": \"1\"}", "null", "{}",
            "{\"id\": [\"3\", \"4\"]}", "{\"id\": {\"x\": 1}}", "{\"id\": \"5\", \"phone\": [[1]]}", "{\"id\": \"6\", \"name\": \"f\"}",
        };
        WriteText("crm.jsonl", string.Join("\n", lines));
        var rows = ReadSource(CrmSource);

        var nonBlank = lines.Count(l => !string.IsNullOrWhiteSpace(l));
        Assert.That(Accepted(rows).Count + Rejected(rows).Count, Is.EqualTo(nonBlank));
        Assert.That(Accepted(rows).Select(r => r.Record!.Key), Is.EqualTo(new[] { "1", "3 4", "6" }));
    }
}
