using System.Text;
using Mdm.Connectors;
using Mdm.Engine.Records;

namespace Mdm.Tests.Connectors;

[TestFixture]
public sealed class DelimitedConnectorTests : ConnectorTestBase
{
    private const string PeopleSource = """
        { "system": "A", "path": "people.csv", "key": "rec_id",
          "fields": { "given_name": "given_name", "family_name": "surname", "city": "suburb" } }
        """;

    [TestCase(true)]
    [TestCase(false)]
    public void Utf8_with_or_without_bom_reads_the_first_column(bool bom)
    {
        WriteText("people.csv", "rec_id,given_name,surname,suburb\nrec-1,José,Müller,Zürich\nrec-2,李,四,北京\n", new UTF8Encoding(bom));
        var rows = ReadSource(PeopleSource);

        Assert.That(Rejected(rows), Is.Empty);
        var first = rows[0].Record!;
        Assert.That(first.Key, Is.EqualTo("rec-1"));
        Assert.That(first.System, Is.EqualTo("A"));
        Assert.That(first.Kind, Is.EqualTo(PartyKind.Person));
        Assert.That(first.Line, Is.EqualTo(2));
        Assert.That(first.Fields, Is.EquivalentTo(new Dictionary<string, string>
        {
            [CanonicalField.GivenName] = "José", [CanonicalField.FamilyName] = "Müller", [CanonicalField.City] = "Zürich",
        }));
        Assert.That(rows[1].Record!["city"], Is.EqualTo("北京"));
    }

    [TestCase("gb18030", "𠮷")] // U+20BB7 exists in GB18030 (four bytes), not in GBK
    [TestCase("gbk", "")]
    [TestCase("gb2312", "")]
    [TestCase("GB18030", "")]
    public void Chinese_code_page_files_round_trip(string encoding, string rareChar)
    {
        var text = "客户编号,客户名称,客户类型,证件号码,联系电话,地址\r\n" +
                   $"C001,张三{rareChar},个人,110101199003071234,13800138000,北京市朝阳区建国路88号\r\n" +
                   "C002,北京华联商厦有限公司,单位,,010-65123456,北京市东城区王府井大街\r\n";
        WriteText("counter.csv", text, GetEncoding(encoding));
        var rows = ReadSource($$"""
            { "system": "counter", "path": "counter.csv", "encoding": "{{encoding}}", "key": "客户编号",
              "kind": { "column": "客户类型", "organization": ["单位"] },
              "fields": { "name": "客户名称", "national_id": "证件号码", "phone": "联系电话", "address": "地址" } }
            """);

        Assert.That(Rejected(rows), Is.Empty);
        Assert.That(rows, Has.Count.EqualTo(2));
        var person = rows[0].Record!;
        Assert.That(person.Key, Is.EqualTo("C001"));
        Assert.That(person[CanonicalField.Name], Is.EqualTo("张三" + rareChar));
        Assert.That(person[CanonicalField.NationalId], Is.EqualTo("110101199003071234"));
        Assert.That(person[CanonicalField.Address], Is.EqualTo("北京市朝阳区建国路88号"));
        Assert.That(person.Kind, Is.EqualTo(PartyKind.Person));
        var company = rows[1].Record!;
        Assert.That(company.Kind, Is.EqualTo(PartyKind.Organization));
        Assert.That(company.Fields.ContainsKey(CanonicalField.NationalId), Is.False, "empty values are absent, not empty");
        Assert.That(company.Line, Is.EqualTo(3));
    }

    [Test]
    public void Tsv_is_tab_separated_and_keeps_commas_in_values()
    {
        WriteText("people.tsv", "rec_id\tgiven_name\tsurname\tsuburb\nr1\tAnn, Jr\t O'Neil \tSydney\n");
        var rows = ReadSource("""
            { "system": "A", "path": "people.tsv", "key": "rec_id",
              "fields": { "given_name": "given_name", "family_name": "surname", "city": "suburb" } }
            """);
        var record = rows.Single().Record!;
        Assert.That(record[CanonicalField.GivenName], Is.EqualTo("Ann, Jr"));
        Assert.That(record[CanonicalField.FamilyName], Is.EqualTo("O'Neil"));
    }

    [Test]
    public void Csv_with_another_delimiter()
    {
        WriteText("people.csv", "rec_id;given_name;surname;suburb\nr1;Ann;Lee;Perth\n");
        var rows = ReadSource("""
            { "system": "A", "path": "people.csv", "delimiter": ";", "key": "rec_id",
              "fields": { "given_name": "given_name", "family_name": "surname", "city": "suburb" } }
            """);
        Assert.That(rows.Single().Record![CanonicalField.City], Is.EqualTo("Perth"));
    }

    [Test]
    public void Quoted_fields_keep_commas_and_line_breaks_and_later_line_numbers_stay_right()
    {
        WriteText("people.csv",
            "rec_id,given_name,surname,suburb\r\n" +
            "r1,\"Smith, Ann\",Lee,\"Unit 4\r\n12 High St\"\r\n" +
            "r2,Bob,\"He said \"\"hi\"\"\",Perth\r\n" +
            "\r\n" +
            "r3,Cy,Ng,Darwin\r\n");
        var rows = ReadSource(PeopleSource);

        Assert.That(Rejected(rows), Is.Empty);
        Assert.That(rows.Select(r => r.Record!.Line), Is.EqualTo(new long[] { 2, 4, 6 }));
        Assert.That(rows[0].Record![CanonicalField.GivenName], Is.EqualTo("Smith, Ann"));
        Assert.That(rows[0].Record![CanonicalField.City], Is.EqualTo("Unit 4\r\n12 High St"));
        Assert.That(rows[1].Record![CanonicalField.FamilyName], Is.EqualTo("He said \"hi\""));
    }

    [Test]
    public void Header_names_are_trimmed_and_matched_ignoring_case_when_not_exact()
    {
        // The shape of the FEBRL test files: ", " between fields, and header names with leading spaces.
        WriteText("people.csv", "rec_id, given_name, surname, SUBURB\nrec-1-org, michaela, neumann, miami\n");
        var rows = ReadSource(PeopleSource);
        var record = rows.Single().Record!;
        Assert.That(record.Key, Is.EqualTo("rec-1-org"));
        Assert.That(record[CanonicalField.GivenName], Is.EqualTo("michaela"));
        Assert.That(record[CanonicalField.City], Is.EqualTo("miami"));
    }

    [Test]
    public void Values_are_trimmed_including_ideographic_spaces_and_blank_values_are_absent()
    {
        WriteText("people.csv", "rec_id,given_name,surname,suburb\n  r1 , \"  Ann \" ,\u3000李\u3000,   \n");
        var record = ReadSource(PeopleSource).Single().Record!;
        Assert.That(record.Key, Is.EqualTo("r1"));
        Assert.That(record[CanonicalField.GivenName], Is.EqualTo("Ann"));
        Assert.That(record[CanonicalField.FamilyName], Is.EqualTo("李"));
        Assert.That(record.Fields.ContainsKey(CanonicalField.City), Is.False);
    }

    [Test]
    public void An_unclosed_quote_rejects_only_its_line_and_the_rows_after_it_load()
    {
        WriteText("people.csv",
            "rec_id,given_name,surname,suburb\n" +
            "r1,Ann,Lee,Perth\n" +
            "r2,\"Bob,Ng,Darwin\n" +       // quote never closed: CsvHelper would read to the end of the file
            "r3,Cy,Wu,Hobart\n" +
            "r4,Di,Ho,Cairns\n");
        var rows = ReadSource(PeopleSource);

        Assert.That(Accepted(rows).Select(r => r.Record!.Key), Is.EqualTo(new[] { "r1", "r3", "r4" }));
        Assert.That(Accepted(rows).Select(r => r.Record!.Line), Is.EqualTo(new long[] { 2, 4, 5 }));
        var reject = Rejected(rows).Single().Reject!;
        Assert.That(reject.Line, Is.EqualTo(3));
        Assert.That(reject.Reason, Does.Contain("unbalanced quote"));
        Assert.That(reject.RawText, Is.EqualTo("r2,\"Bob,Ng,Darwin"));
        Assert.That(reject.System, Is.EqualTo("A"));
        Assert.That(rows.Select(r => r.Record?.Line ?? r.Reject!.Line), Is.Ordered, "rows come in file order");
    }

    [TestCase("utf-8")]
    [TestCase("gb18030")]
    public void An_unclosed_quote_followed_by_more_than_a_megabyte_still_recovers(string encoding)
    {
        var text = new StringBuilder("rec_id,given_name,surname,suburb\nr0,\"Ann,Lee,Perth\n");
        const int goodRows = 25_000; // about 1.3 MB: past the size at which a record is taken to be a runaway quote
        for (var i = 1; i <= goodRows; i++) text.Append("r").Append(i).Append(",Given").Append(i).Append(",Family,Somewhere far away\n");
        WriteText("people.csv", text.ToString(), GetEncoding(encoding));
        var rows = ReadSource($$"""
            { "system": "A", "path": "people.csv", "encoding": "{{encoding}}", "key": "rec_id",
              "fields": { "given_name": "given_name", "family_name": "surname", "city": "suburb" } }
            """);

        Assert.That(rows, Has.Count.EqualTo(goodRows + 1));
        Assert.That(rows[0].Reject!.Line, Is.EqualTo(2));
        Assert.That(rows[0].Reject!.RawText, Is.EqualTo("r0,\"Ann,Lee,Perth"));
        Assert.That(Accepted(rows), Has.Count.EqualTo(goodRows));
        Assert.That(rows[^1].Record!.Line, Is.EqualTo(goodRows + 2));
    }

    [Test]
    public void Many_broken_quotes_are_all_recovered_and_every_row_is_accounted_for()
    {
        var text = new StringBuilder("rec_id,given_name,surname,suburb\n");
        const int brokenRows = 130; // more than MaxRestarts (100): the later ones are caught line by line
        for (var i = 0; i < brokenRows; i++)
            text.Append("b").Append(i).Append(",\"Broken,Lee,Perth\n").Append("g").Append(i).Append(",Good,Lee,Perth\n");
        text.Append("last,\"Multi\nline\",Lee,Perth\n");
        WriteText("people.csv", text.ToString());
        var rows = ReadSource(PeopleSource);

        // After 100 recoveries quoted fields may no longer span lines: the last (well-formed) two-line row becomes two rejects.
        Assert.That(rows, Has.Count.EqualTo(2 * brokenRows + 2));
        Assert.That(rows.TakeLast(2).Select(r => r.Reject?.Line), Is.EqualTo(new long?[] { 2 + 2 * brokenRows, 3 + 2 * brokenRows }));
        var pairs = rows.Take(2 * brokenRows).ToList();
        Assert.That(Rejected(pairs).Select(r => r.Reject!.RawText), Is.EqualTo(Enumerable.Range(0, brokenRows).Select(i => $"b{i},\"Broken,Lee,Perth")));
        Assert.That(Rejected(pairs).Select(r => r.Reject!.Line), Is.EqualTo(Enumerable.Range(0, brokenRows).Select(i => 2L + 2 * i)));
        Assert.That(Accepted(pairs).Select(r => r.Record!.Key), Is.EqualTo(Enumerable.Range(0, brokenRows).Select(i => $"g{i}")));
    }

    [TestCase("\r", "utf-8")]
    [TestCase("\r\n", "utf-8")]
    [TestCase("\r", "gb18030")]
    [TestCase("\n", "gb18030")]
    public void Recovery_after_an_unclosed_quote_counts_lines_with_any_line_break(string lineBreak, string encoding)
    {
        var text = string.Join(lineBreak, "rec_id,given_name,surname,suburb", "r1,Ann,Lee,珀斯", "", "r2,\"Bob,Ng,达尔文",
            "r3,\"Cy\nWu\",Wu,Hobart", "r4,Di,Ho,Cairns") + lineBreak;
        WriteText("people.csv", text, GetEncoding(encoding));
        var rows = ReadSource($$"""
            { "system": "A", "path": "people.csv", "encoding": "{{encoding}}", "key": "rec_id",
              "fields": { "given_name": "given_name", "family_name": "surname", "city": "suburb" } }
            """);

        Assert.That(rows.Select(r => r.Record?.Key ?? "reject"), Is.EqualTo(new[] { "r1", "reject", "r3", "r4" }));
        Assert.That(rows.Select(r => r.Record?.Line ?? r.Reject!.Line), Is.EqualTo(new long[] { 2, 4, 5, 7 }));
        Assert.That(rows[1].Reject!.RawText, Is.EqualTo("r2,\"Bob,Ng,达尔文"));
        Assert.That(rows[2].Record![CanonicalField.GivenName], Is.EqualTo("Cy\nWu"));
        Assert.That(rows[0].Record![CanonicalField.City], Is.EqualTo("珀斯"));
    }

    [Test]
    public void A_stray_quote_that_pairs_with_a_later_quote_does_not_swallow_the_rows_between()
    {
        WriteText("people.csv",
            "rec_id,given_name,surname,suburb\n" +
            "r1,\"Ann,Lee,Perth\n" +
            "r2,Bob,Ng,Darwin\n" +
            "r3,\"Cy, Jr\",Wu,Hobart\n" +
            "r4,Di,Ho,Cairns\n");
        var rows = ReadSource(PeopleSource);

        Assert.That(Accepted(rows).Select(r => r.Record!.Key), Is.EqualTo(new[] { "r2", "r3", "r4" }));
        Assert.That(Accepted(rows)[1].Record![CanonicalField.GivenName], Is.EqualTo("Cy, Jr"));
        Assert.That(Rejected(rows).Single().Reject!.Line, Is.EqualTo(2));
    }

    [Test]
    public void The_tail_of_a_multi_line_field_in_a_row_with_too_many_fields_does_not_become_a_record()
    {
        WriteText("people.csv",
            "rec_id,given_name,surname,suburb\n" +
            "r1,\"Ann\nMarie\",Lee,Perth,extra\n" +   // a proper multi-line field, but five fields
            "r2,Bob,Ng,Darwin\n");
        var rows = ReadSource(PeopleSource);

        Assert.That(rows.Select(r => r.Record?.Key ?? $"reject@{r.Reject!.Line}"), Is.EqualTo(new[] { "reject@2", "reject@3", "r2" }));
        Assert.That(rows[1].Reject!.Reason, Does.Contain("stray quote on the line after an unbalanced quote"));
    }

    [Test]
    public void Text_after_a_closing_quote_rejects_the_row_and_a_stray_quote_inside_a_value_is_kept()
    {
        WriteText("people.csv",
            "rec_id,given_name,surname,suburb\n" +
            "r1,\"Ann\"ie,Lee,Perth\n" +
            "r2,Bob,O\"Neil,Darwin\n");
        var rows = ReadSource(PeopleSource);

        var reject = rows[0].Reject!;
        Assert.That(reject.Line, Is.EqualTo(2));
        Assert.That(reject.Reason, Does.Contain("text after the closing quote"));
        Assert.That(reject.RawText, Is.EqualTo("r1,\"Ann\"ie,Lee,Perth"));
        Assert.That(rows[1].Record![CanonicalField.FamilyName], Is.EqualTo("O\"Neil"));
    }

    [Test]
    public void Quoting_can_be_switched_off_for_exports_that_never_quote()
    {
        WriteText("people.csv", "rec_id,given_name,surname,suburb\nr1,\"Ann,Lee,Perth\nr2,Bob,Ng,Darwin\n");
        var rows = ReadSource("""
            { "system": "A", "path": "people.csv", "key": "rec_id", "quoting": false,
              "fields": { "given_name": "given_name", "family_name": "surname", "city": "suburb" } }
            """);
        Assert.That(Rejected(rows), Is.Empty);
        Assert.That(rows[0].Record![CanonicalField.GivenName], Is.EqualTo("\"Ann"));
    }

    [Test]
    public void Undecodable_gb18030_bytes_reject_the_row_naming_the_field()
    {
        var gb = GetEncoding("gb18030");
        WriteBytes("counter.csv",
            gb.GetBytes("客户编号,客户名称,地址\n"),
            gb.GetBytes("C001,张三,北京\n"),
            gb.GetBytes("C002,"), [0x81, 0x20, 0xFF], gb.GetBytes(",上海\n"), // 0x81 needs a trail byte; 0xFF is never valid
            gb.GetBytes("C003,王五,广州\n"));
        var rows = ReadSource("""
            { "system": "counter", "path": "counter.csv", "encoding": "gb18030", "key": "客户编号",
              "fields": { "name": "客户名称", "address": "地址" } }
            """);

        Assert.That(Accepted(rows).Select(r => r.Record!.Key), Is.EqualTo(new[] { "C001", "C003" }));
        var reject = Rejected(rows).Single().Reject!;
        Assert.That(reject.Line, Is.EqualTo(3));
        Assert.That(reject.Field, Is.EqualTo("客户名称"));
        Assert.That(reject.Reason, Is.EqualTo("undecodable bytes in field 客户名称 for encoding gb18030"));
        Assert.That(reject.Key, Is.EqualTo("C002"));
        Assert.That(reject.RawText, Does.StartWith("C002,"));
    }

    [Test]
    public void Invalid_utf8_rejects_the_row_naming_the_field()
    {
        WriteBytes("people.csv",
            Encoding.UTF8.GetBytes("rec_id,given_name,surname,suburb\nr1,Ann,Lee,"),
            [0xC3, 0x28], // a lead byte followed by an ASCII byte
            Encoding.UTF8.GetBytes("\nr2,Bob,Ng,Darwin\n"));
        var rows = ReadSource(PeopleSource);
        Assert.That(rows[0].Reject!.Field, Is.EqualTo("suburb"));
        Assert.That(rows[0].Reject!.Reason, Is.EqualTo("undecodable bytes in field suburb for encoding utf-8"));
        Assert.That(rows[1].Record!.Key, Is.EqualTo("r2"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\"\"")]
    public void A_missing_key_is_a_reject_naming_the_key_column(string key)
    {
        WriteText("people.csv", $"rec_id,given_name,surname,suburb\n{key},Ann,Lee,Perth\nr2,Bob,Ng,Darwin\n");
        var rows = ReadSource(PeopleSource);
        var reject = rows[0].Reject!;
        Assert.That(reject.Field, Is.EqualTo("rec_id"));
        Assert.That(reject.Reason, Is.EqualTo("missing key"));
        Assert.That(reject.Line, Is.EqualTo(2));
        Assert.That(rows[1].Record!.Key, Is.EqualTo("r2"));
    }

    [Test]
    public void A_repeated_key_keeps_the_first_row_and_rejects_the_later_ones()
    {
        WriteText("people.csv", "rec_id,given_name,surname,suburb\nr1,Ann,Lee,Perth\nr2,Bob,Ng,Darwin\nr1,Annie,Lee,Perth\nr1,A,L,P\n");
        var rows = ReadSource(PeopleSource);

        Assert.That(rows[0].Record![CanonicalField.GivenName], Is.EqualTo("Ann"));
        Assert.That(rows[2].Reject!.Reason, Is.EqualTo("duplicate key 'r1' (first seen at line 2)"));
        Assert.That(rows[2].Reject!.Field, Is.EqualTo("rec_id"));
        Assert.That(rows[2].Reject!.Key, Is.EqualTo("r1"));
        Assert.That(rows[2].Reject!.Line, Is.EqualTo(4));
        Assert.That(rows[3].Reject!.Line, Is.EqualTo(5));
    }

    [TestCase("r2,Bob,Ng", 3)]
    [TestCase("r2,Bob,Ng,Darwin,extra", 5)]
    public void A_row_whose_field_count_differs_from_the_header_is_rejected(string row, int fieldCount)
    {
        WriteText("people.csv", $"rec_id,given_name,surname,suburb\nr1,Ann,Lee,Perth\n{row}\nr3,Cy,Wu,Hobart\n");
        var rows = ReadSource(PeopleSource);
        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(rows[1].Reject!.Reason, Is.EqualTo($"row has {fieldCount} fields but the header has 4"));
        Assert.That(rows[1].Reject!.RawText, Is.EqualTo(row));
        Assert.That(rows[1].Reject!.Key, Is.EqualTo("r2"));
        Assert.That(rows[2].Record!.Key, Is.EqualTo("r3"));
    }

    [Test]
    public void Kind_can_be_fixed_for_the_whole_source()
    {
        WriteText("corp.csv", "id,name\nX1,Acme Ltd\n");
        var rows = ReadSource("""{ "system": "corp", "path": "corp.csv", "key": "id", "kind": "organization", "fields": { "company_name": "name" } }""");
        Assert.That(rows.Single().Record!.Kind, Is.EqualTo(PartyKind.Organization));
    }

    [Test]
    public void Kind_from_a_column_with_person_values_and_a_default()
    {
        WriteText("mixed.csv", "id,name,type\n1,Ann,P\n2,Acme,corp\n3,Who,\n4,Odd,x\n");
        var rows = ReadSource("""
            { "system": "m", "path": "mixed.csv", "key": "id",
              "kind": { "column": "type", "organization": ["CORP", "gov"], "person": ["p"], "default": "organization" },
              "fields": { "name": "name" } }
            """);
        Assert.That(rows.Select(r => r.Record!.Kind), Is.EqualTo(new[]
        {
            PartyKind.Person, PartyKind.Organization, PartyKind.Organization, PartyKind.Organization,
        }));
    }

    [Test]
    public void A_list_of_columns_is_joined_with_a_space_skipping_empty_ones_and_phones_with_a_semicolon()
    {
        WriteText("people.csv",
            "rec_id,street_number,address_1,address_2,mobile,home\n" +
            "r1,12,high street,unit 4,0412 345 678,02 9876 5432\n" +
            "r2,,  ,rural delivery 7,,02 1111 2222\n" +
            "r3,,,,,\n");
        var rows = ReadSource("""
            { "system": "A", "path": "people.csv", "key": "rec_id",
              "fields": { "address": ["street_number", "address_1", "address_2"], "phone": ["mobile", "home"] } }
            """);
        Assert.That(rows[0].Record![CanonicalField.Address], Is.EqualTo("12 high street unit 4"));
        Assert.That(rows[0].Record![CanonicalField.Phone], Is.EqualTo("0412 345 678; 02 9876 5432"));
        Assert.That(rows[1].Record![CanonicalField.Address], Is.EqualTo("rural delivery 7"));
        Assert.That(rows[1].Record![CanonicalField.Phone], Is.EqualTo("02 1111 2222"));
        Assert.That(rows[2].Record!.Fields, Is.Empty);
    }

    [Test]
    public void The_birth_date_format_is_carried_through_and_the_value_stays_raw()
    {
        WriteText("people.csv", "rec_id,date_of_birth\nr1,19840512\n");
        var file = LoadSources("""
            { "sources": [ { "system": "A", "path": "people.csv", "key": "rec_id",
              "fields": { "birth_date": { "column": "date_of_birth", "format": "yyyyMMdd" } } } ] }
            """);
        using var source = FileConnectors.OpenRecords(file.Sources[0], file);
        var record = source.ReadRecords().Single().Record!;
        Assert.That(record[CanonicalField.BirthDate], Is.EqualTo("19840512"));
        Assert.That(file.Sources[0].Fields[CanonicalField.BirthDate].Format, Is.EqualTo("yyyyMMdd"));
        Assert.That(source.System, Is.EqualTo("A"));
    }

    [Test]
    public void Updated_at_and_the_deleted_flag_are_read()
    {
        WriteText("crm.csv",
            "id,name,modified,del\n" +
            "1,Ann,2024-03-01 10:15:00,N\n" +
            "2,Bob,2024-03-02T08:00:00+08:00,Y\n" +
            "3,Cy,not a date,\n" +
            "4,Di,20240305,y\n");
        var rows = ReadSource("""
            { "system": "crm", "path": "crm.csv", "key": "id", "updated_at": "modified",
              "deleted": { "column": "del", "values": ["Y"] }, "fields": { "name": "name" } }
            """);

        Assert.That(rows.Select(r => r.Deleted), Is.EqualTo(new[] { false, true, false, true }));
        Assert.That(rows[0].Record!.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero)));
        Assert.That(rows[1].Record!.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 3, 2, 8, 0, 0, TimeSpan.FromHours(8))));
        Assert.That(rows[2].Record!.UpdatedAt, Is.Null, "an unreadable timestamp costs only the recency");
        Assert.That(rows[3].Record!.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(rows[1].Record![CanonicalField.Name], Is.EqualTo("Bob"), "a tombstone still carries its fields");
    }

    [Test]
    public void Without_a_header_columns_are_numbered_from_one()
    {
        WriteText("raw.csv", "C1,Ann,13800138000\nC2,Bob,13900139000\n");
        var rows = ReadSource("""
            { "system": "raw", "path": "raw.csv", "key": "1", "header": false, "fields": { "name": "2", "phone": "3" } }
            """);
        Assert.That(rows.Select(r => r.Record!.Line), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(rows[1].Record![CanonicalField.Phone], Is.EqualTo("13900139000"));
    }

    [Test]
    public void Raw_text_of_a_reject_is_truncated_to_2000_characters()
    {
        var longName = new string('长', 5000);
        WriteText("people.csv", $"rec_id,given_name,surname,suburb\nr1,{longName},x\n");
        var reject = ReadSource(PeopleSource).Single().Reject!;
        Assert.That(reject.RawText, Has.Length.EqualTo(2000));
        Assert.That(reject.RawText, Does.StartWith("r1,长长"));
    }

    [Test]
    public void Records_can_be_read_only_once()
    {
        WriteText("people.csv", "rec_id,given_name,surname,suburb\nr1,Ann,Lee,Perth\n");
        var file = LoadSources($$"""{ "sources": [ {{PeopleSource}} ] }""");
        using var source = FileConnectors.OpenRecords(file.Sources[0], file);
        Assert.That(source.ReadRecords().Count(), Is.EqualTo(1));
        Assert.Throws<InvalidOperationException>(() => source.ReadRecords());
    }

    [Test]
    public void Reading_can_be_cancelled()
    {
        WriteText("people.csv", "rec_id,given_name,surname,suburb\nr1,Ann,Lee,Perth\nr2,Bob,Ng,Darwin\n");
        var file = LoadSources($$"""{ "sources": [ {{PeopleSource}} ] }""");
        using var source = FileConnectors.OpenRecords(file.Sources[0], file);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => source.ReadRecords(cancellation.Token).ToList());
    }

    [TestCase("gb18030")]
    [TestCase("utf-8")]
    public void In_a_messy_file_every_data_row_is_either_accepted_or_rejected(string encoding)
    {
        var gb = GetEncoding(encoding);
        var lines = new List<byte[]>
        {
            gb.GetBytes("客户编号,客户名称,联系电话,地址\r\n"),
            gb.GetBytes("C001,张三,13800138000,北京\r\n"),                 // 1 good
            gb.GetBytes("C002,\"李四\r\n(曾用名 李斯)\",13900139000,上海\r\n"), // 2 good, two lines
            gb.GetBytes("\r\n"),                                           // blank: not a row
            gb.GetBytes(",王五,13700137000,广州\r\n"),                      // 3 missing key
            gb.GetBytes("C001,张三丰,13800138001,北京\r\n"),                // 4 duplicate
            gb.GetBytes("C005,\"赵六,13600136000,深圳\r\n"),                // 5 unclosed quote
            gb.GetBytes("C006,钱七,13500135000\r\n"),                       // 6 too few fields
            gb.GetBytes("C007,孙八,"), new byte[] { 0xFF }, gb.GetBytes(",杭州\r\n"),    // 7 undecodable
            gb.GetBytes("C008,\"周\"九,13300133000,南京\r\n"),              // 8 text after closing quote
            gb.GetBytes("C009,吴十,13200132000,成都,多余\r\n"),             // 9 too many fields
            gb.GetBytes("   \r\n"),                                        // blank: not a row
            gb.GetBytes("C010,郑十一,13100131000,\"武汉\"\r\n"),            // 10 good
            gb.GetBytes("C011,王十二,13000130000,西安"),                    // 11 good, no final line break
        };
        WriteBytes("counter.csv", lines.ToArray());
        var rows = ReadSource($$"""
            { "system": "counter", "path": "counter.csv", "encoding": "{{encoding}}", "key": "客户编号",
              "fields": { "name": "客户名称", "phone": "联系电话", "address": "地址" } }
            """);

        const int dataRows = 11;
        Assert.That(Accepted(rows).Count + Rejected(rows).Count, Is.EqualTo(dataRows));
        Assert.That(rows.All(r => (r.Record is null) != (r.Reject is null)), Is.True);
        Assert.That(Accepted(rows).Select(r => r.Record!.Key), Is.EqualTo(new[] { "C001", "C002", "C010", "C011" }));
        Assert.That(Accepted(rows).Select(r => r.Record!.Line), Is.EqualTo(new long[] { 2, 3, 14, 15 }));
        Assert.That(Rejected(rows).Select(r => r.Reject!.Line), Is.EqualTo(new long[] { 6, 7, 8, 9, 10, 11, 12 }));
        Assert.That(rows[1].Record![CanonicalField.Name], Is.EqualTo("李四\r\n(曾用名 李斯)"));
    }
}
