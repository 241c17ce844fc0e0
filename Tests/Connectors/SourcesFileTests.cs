using Mdm.Connectors;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Records;

namespace Mdm.Tests.Connectors;

[TestFixture]
public sealed class SourcesFileTests : ConnectorTestBase
{
    private const string Sample = """
        {
          "store": "mdm-data/mdm.db",
          "sources": [
            { "system": "counter", "path": "counter.csv", "format": "csv", "encoding": "gb18030",
              "key": "客户编号",
              "kind": { "column": "客户类型", "organization": ["单位"] },
              "fields": { "name": "客户名称", "national_id": "证件号码", "phone": "联系电话", "address": "地址" } },
            { "system": "A", "path": "people.csv", "format": "csv", "key": "rec_id",
              "fields": { "given_name": "given_name", "family_name": "surname",
                          "address": ["street_number", "address_1", "address_2"], "city": "suburb",
                          "postcode": "postcode", "province": "state",
                          "birth_date": { "column": "date_of_birth", "format": "yyyyMMdd" }, "national_id": "soc_sec_id" } },
            { "system": "crm", "path": "crm.jsonl", "format": "jsonl", "key": "id",
              "fields": { "name": "name", "phone": "phone", "email": "email", "address": "address",
                          "national_id": "id_no", "birth_date": "birth_date" } }
          ],
          "transactions": [
            { "system": "counter", "path": "counter_txn.csv", "encoding": "gb18030", "key": "客户编号",
              "amount": "金额", "date": "交易日期" } ]
        }
        """;

    [Test]
    public void The_sample_sources_file_parses_with_every_setting()
    {
        var file = SourcesFile.Parse(Sample, "/data/mdm", "/data/mdm/sources.json");

        Assert.That(file.Store, Is.EqualTo("mdm-data/mdm.db"));
        Assert.That(file.ResolvePath(file.Store!), Is.EqualTo(Path.GetFullPath("/data/mdm/mdm-data/mdm.db")));
        Assert.That(file.Sources.Select(s => s.System), Is.EqualTo(new[] { "counter", "A", "crm" }));

        var counter = file.Sources[0];
        Assert.That(counter.Format, Is.EqualTo(SourceFormat.Csv));
        Assert.That(counter.Encoding, Is.EqualTo("gb18030"));
        Assert.That(counter.Key, Is.EqualTo("客户编号"));
        Assert.That(counter.KindMapping.Column, Is.EqualTo("客户类型"));
        Assert.That(counter.KindMapping.Resolve("单位"), Is.EqualTo(PartyKind.Organization));
        Assert.That(counter.KindMapping.Resolve("个人"), Is.EqualTo(PartyKind.Person));
        Assert.That(counter.Fields[CanonicalField.Name].Columns, Is.EqualTo(new[] { "客户名称" }));
        Assert.That(counter.Trust, Is.EqualTo(50));
        Assert.That(counter.FullExtract, Is.True);
        Assert.That(counter.HasHeader, Is.True);
        Assert.That(counter.Delimiter, Is.EqualTo(','));
        Assert.That(counter.DeletedFlag, Is.Null);
        Assert.That(counter.UpdatedAtColumn, Is.Null);

        var a = file.Sources[1];
        Assert.That(a.KindMapping.Fixed, Is.EqualTo(PartyKind.Person));
        Assert.That(a.Fields[CanonicalField.Address].Columns, Is.EqualTo(new[] { "street_number", "address_1", "address_2" }));
        Assert.That(a.Fields[CanonicalField.FamilyName].Columns, Is.EqualTo(new[] { "surname" }));
        Assert.That(a.Fields[CanonicalField.BirthDate].Columns, Is.EqualTo(new[] { "date_of_birth" }));
        Assert.That(a.Fields[CanonicalField.BirthDate].Format, Is.EqualTo("yyyyMMdd"));
        Assert.That(a.BirthDateFormat, Is.EqualTo("yyyyMMdd"));

        var crm = file.Sources[2];
        Assert.That(crm.Format, Is.EqualTo(SourceFormat.JsonLines));
        Assert.That(crm.Encoding, Is.Null);
        Assert.That(crm.Fields, Has.Count.EqualTo(6));
        Assert.That(crm.BirthDateFormat, Is.Null);

        var transactions = file.Transactions.Single();
        Assert.That(transactions.System, Is.EqualTo("counter"));
        Assert.That(transactions.Format, Is.EqualTo(SourceFormat.Csv));
        Assert.That(transactions.Key, Is.EqualTo("客户编号"));
        Assert.That(transactions.Amount, Is.EqualTo("金额"));
        Assert.That(transactions.Date, Is.EqualTo("交易日期"));
        Assert.That(transactions.DateFormat, Is.Null);
    }

    [Test]
    public void Paths_resolve_against_the_sources_file_folder()
    {
        var file = LoadSources(Sample);
        Assert.That(file.FilePath, Is.EqualTo(Path.Combine(Dir, "sources.json")));
        Assert.That(file.BaseDirectory, Is.EqualTo(Path.GetFullPath(Dir)));
        Assert.That(file.ResolvePath(file.Sources[1].Path), Is.EqualTo(Path.Combine(Dir, "people.csv")));
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere.csv");
        Assert.That(file.ResolvePath(absolute), Is.EqualTo(absolute));
    }

    [Test]
    public void Extensions_are_read()
    {
        var file = SourcesFile.Parse("""
            { "sources": [ {
                "system": "B", "path": "b.txt", "format": "csv", "delimiter": ";", "key": "id", "header": true, "trust": 80,
                "updated_at": { "column": "modified", "format": "yyyy-MM-dd HH:mm:ss" }, "full_extract": false,
                "deleted": { "column": "del", "values": ["Y", 1] },
                "kind": { "column": "type", "organization": "corp", "person": ["P", "private"], "default": "organization" },
                "fields": { "name": "name", "phone": ["mobile", "home"] } },
              { "system": "T", "path": "t.tsv", "key": "id", "fields": { "name": "n" } } ] }
            """, "/x", "/x/sources.json");
        var b = file.Sources[0];
        Assert.That(b.Delimiter, Is.EqualTo(';'));
        Assert.That(b.Trust, Is.EqualTo(80));
        Assert.That(b.UpdatedAtColumn, Is.EqualTo("modified"));
        Assert.That(b.UpdatedAtFormat, Is.EqualTo("yyyy-MM-dd HH:mm:ss"));
        Assert.That(b.FullExtract, Is.False);
        Assert.That(b.DeletedFlag!.Column, Is.EqualTo("del"));
        Assert.That(b.DeletedFlag.IsDeleted("y"), Is.True);
        Assert.That(b.DeletedFlag.IsDeleted("1"), Is.True);
        Assert.That(b.DeletedFlag.IsDeleted("N"), Is.False);
        Assert.That(b.KindMapping.Resolve("CORP"), Is.EqualTo(PartyKind.Organization));
        Assert.That(b.KindMapping.Resolve("private"), Is.EqualTo(PartyKind.Person));
        Assert.That(b.KindMapping.Resolve("unknown"), Is.EqualTo(PartyKind.Organization), "default");
        Assert.That(file.Sources[1].Format, Is.EqualTo(SourceFormat.Tsv), "inferred from .tsv");
        Assert.That(file.Sources[1].Delimiter, Is.EqualTo('\t'));
    }

    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "fields": { "nmae": "name" } }""",
        "source 'A': unknown canonical field 'nmae'")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "fields": { "Phone": "tel" } }""",
        "did you mean 'phone'?")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "fields": { "name": "n" } }, { "system": "a", "path": "b.csv", "key": "id", "fields": { "name": "n" } }""",
        "source 'a': duplicate system name")]
    [TestCase("""{ "path": "a.csv", "key": "id", "fields": { "name": "n" } }""", "sources[0]: \"system\" is missing")]
    [TestCase("""{ "system": "A", "key": "id", "fields": { "name": "n" } }""", "source 'A': \"path\" is missing")]
    [TestCase("""{ "system": "A", "path": "a.csv", "fields": { "name": "n" } }""", "source 'A': \"key\" is missing")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id" }""", "source 'A': \"fields\" is missing")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "fields": {} }""", "\"fields\" is empty")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "encoding": "klingon", "fields": { "name": "n" } }""",
        "unknown encoding 'klingon'")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "format": "xml", "fields": { "name": "n" } }""", "unknown \"format\" 'xml'")]
    [TestCase("""{ "system": "A", "path": "a.json", "key": "id", "fields": { "name": "n" } }""", "set \"format\": \"jsonl\"")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "trust": 101, "fields": { "name": "n" } }""",
        "\"trust\" must be a whole number from 0 to 100")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "trust": 7.5, "fields": { "name": "n" } }""", "\"trust\" must be")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "feilds": { "name": "n" } }""", "unknown setting \"feilds\"")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "kind": "robot", "fields": { "name": "n" } }""",
        "\"kind\" must be \"person\" or \"organization\"")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "kind": { "column": "t" }, "fields": { "name": "n" } }""",
        "\"kind\" needs \"organization\"")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "fields": { "name": { "column": "n", "format": "yyyyMMdd" } } }""",
        "only birth_date takes one")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "fields": { "birth_date": { "column": "d", "format": "%" } } }""",
        "is not a valid date format")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "fields": { "name": [] } }""", "maps an empty list of columns")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "fields": { "name": 5 } }""", "field 'name' must be a column name")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "delimiter": ";;", "fields": { "name": "n" } }""",
        "\"delimiter\" must be one character")]
    [TestCase("""{ "system": "A", "path": "a.jsonl", "key": "id", "delimiter": ";", "fields": { "name": "n" } }""",
        "\"delimiter\" does not apply to JSON lines")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "1", "header": false, "fields": { "name": "name" } }""",
        "'name' is not a column number")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "deleted": { "column": "d" }, "fields": { "name": "n" } }""",
        "\"deleted\" needs \"values\"")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "key": "id2", "fields": { "name": "n" } }""", "\"key\" is given twice")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "country": "USA", "fields": { "name": "n" } }""",
        "source 'A': \"country\" must be an ISO 3166-1 alpha-2 country code such as \"CN\", \"US\" or \"GB\", not 'USA'")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "country": "XK1", "fields": { "name": "n" } }""", "not 'XK1'")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "country": "QQ", "fields": { "name": "n" } }""",
        "source 'A': \"country\" 'QQ' is not an ISO 3166-1 alpha-2 country code with a known phone numbering plan")]
    [TestCase("""{ "system": "A", "path": "a.csv", "key": "id", "country": 1, "fields": { "name": "n" } }""", "\"country\" must be a string")]
    public void Invalid_sources_are_reported_with_file_source_and_problem(string sources, string expected)
    {
        var ex = Assert.Throws<SourcesFileException>(() =>
            SourcesFile.Parse($$"""{ "sources": [ {{sources}} ] }""", "/x", "/x/sources.json"));
        Assert.That(ex!.Message, Does.StartWith("/x/sources.json: "));
        Assert.That(ex.Message, Does.Contain(expected));
    }

    [Test]
    public void A_source_declares_the_country_of_its_phone_numbers()
    {
        var file = SourcesFile.Parse("""
            { "sources": [
                { "system": "us", "path": "u.csv", "key": "id", "country": "US", "fields": { "phone": "tel" } },
                { "system": "gb", "path": "g.csv", "key": "id", "country": "gb", "fields": { "phone": "tel" } },
                { "system": "cn", "path": "c.csv", "key": "id", "fields": { "phone": "tel" } } ] }
            """, "/x", "/x/sources.json");
        Assert.That(file.Sources.Select(s => s.Country), Is.EqualTo(new[] { "US", "GB", "CN" }));
    }

    [Test]
    public void A_bad_country_names_the_file_the_source_and_the_value()
    {
        var ex = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse(
            """{ "sources": [ { "system": "shops", "path": "a.csv", "key": "id", "country": "America", "fields": { "phone": "tel" } } ] }""",
            "/x", "/x/sources.json"));
        Assert.That(ex!.FilePath, Is.EqualTo("/x/sources.json"));
        Assert.That(ex.System, Is.EqualTo("shops"));
        Assert.That(ex.Message, Does.StartWith("/x/sources.json: source 'shops': \"country\"").And.Contain("'America'"));
    }

    private const string OneSource = """ "sources": [ { "system": "shops", "path": "a.csv", "key": "id", "fields": { "phone": "tel" } } ] """;

    [Test]
    public void A_server_store_is_read_from_the_store_object_with_its_connection_from_the_environment()
    {
        Environment.SetEnvironmentVariable("MDM_TEST_STORE_CONNECTION", "Host=db;Database=hub;Search Path=postal");
        var file = SourcesFile.Parse($$"""{ "store": { "provider": "postgresql", "connection_env": "MDM_TEST_STORE_CONNECTION", "folder": "idx" }, {{OneSource}} }""", "/x", "/x/sources.json");
        Assert.That(file.Store, Is.Null);
        Assert.That(file.ServerStore, Is.EqualTo(new ServerStoreSettings(DatabaseProvider.PostgreSql, null, "MDM_TEST_STORE_CONNECTION", "idx")));
        Assert.That(file.ServerStore!.ConnectionString, Is.EqualTo("Host=db;Database=hub;Search Path=postal"));
        Assert.That(SourcesFile.Parse($$"""{ "store": "hub.db", {{OneSource}} }""", "/x", "/x/sources.json").ServerStore, Is.Null, "a string is the SQLite file");
    }

    [TestCase("""{ "provider": "oracle", "connection": "x" }""", "unknown store \"provider\" 'oracle'")]
    [TestCase("""{ "provider": "postgresql" }""", "give exactly one of \"connection\"")]
    [TestCase("""{ "provider": "postgresql", "connection": "x", "connection_env": "Y" }""", "give exactly one of \"connection\"")]
    [TestCase("""{ "provider": "postgresql", "connection": "x", "schema": "s" }""", "unknown property \"schema\"")]
    [TestCase("""{ "provider": "sqlite", "connection": "x" }""", "give \"store\" as its path")]
    public void A_wrong_server_store_names_the_file_and_the_problem(string store, string expected)
    {
        var ex = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse($$"""{ "store": {{store}}, {{OneSource}} }""", "/x", "/x/sources.json"));
        Assert.That(ex!.Message, Does.StartWith("/x/sources.json: \"store\"").And.Contain(expected));
    }

    [Test]
    public void Unknown_canonical_field_message_lists_the_known_fields()
    {
        var ex = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse(
            """{ "sources": [ { "system": "A", "path": "a.csv", "key": "id", "fields": { "mobile": "tel" } } ] }""", "/x", "/x/s.json"));
        Assert.That(ex!.System, Is.EqualTo("A"));
        Assert.That(ex.Problem, Does.Contain("unknown canonical field 'mobile'"));
        Assert.That(ex.Problem, Does.Contain("phone").And.Contain("national_id").And.Contain("credit_code"));
    }

    [TestCase("{ \"sources\": [ { \"system\": \"A\" ", "not valid JSON at line 1")]
    [TestCase("[]", "the top level must be a JSON object")]
    [TestCase("{ \"store\": \"x.db\" }", "\"sources\" is missing")]
    [TestCase("{ \"sources\": [] }", "\"sources\" is empty")]
    [TestCase("{ \"sources\": {} }", "\"sources\" must be an array")]
    public void Invalid_documents_are_reported(string json, string expected)
    {
        var ex = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse(json, "/x", "/x/sources.json"));
        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [TestCase("""{ "system": "pos", "path": "t.csv", "key": "k", "amount": "a" }""", "transaction source 'pos': no source in \"sources\" has system 'pos'")]
    [TestCase("""{ "system": "COUNTER", "path": "t.csv", "key": "k", "amount": "a" }""", "did you mean 'counter'?")]
    [TestCase("""{ "system": "counter", "path": "t.csv", "key": "k" }""", "\"amount\" is missing")]
    [TestCase("""{ "system": "counter", "path": "t.csv", "key": "k", "amount": "a", "date": { "column": "d", "format": "yyyyMMdd" }, "date_format": "yyyy" }""",
        "the date format is given twice")]
    public void Invalid_transaction_sources_are_reported(string transaction, string expected)
    {
        var json = $$"""
            { "sources": [ { "system": "counter", "path": "c.csv", "key": "k", "fields": { "name": "n" } } ],
              "transactions": [ {{transaction}} ] }
            """;
        var ex = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse(json, "/x", "/x/sources.json"));
        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [Test]
    public void Comments_and_trailing_commas_are_allowed_in_the_hand_written_file()
    {
        var file = SourcesFile.Parse("""
            {
              // the counter system, exported nightly
              "sources": [ { "system": "A", "path": "a.csv", "key": "id", "fields": { "name": "n", }, }, ],
            }
            """, "/x", "/x/s.json");
        Assert.That(file.Sources.Single().System, Is.EqualTo("A"));
    }

    [Test]
    public void Loading_a_missing_sources_file_names_it()
    {
        var missing = Path.Combine(Dir, "nope.json");
        var ex = Assert.Throws<SourcesFileException>(() => SourcesFile.Load(missing));
        Assert.That(ex!.Message, Does.StartWith(missing).And.Contain("cannot read"));
    }

    [Test]
    public void A_mapped_column_missing_from_the_header_fails_at_open_naming_column_and_header()
    {
        WriteText("people.csv", "rec_id, given_name, surname\nr1,ann,lee\n");
        var file = LoadSources("""
            { "sources": [ { "system": "A", "path": "people.csv", "key": "rec_id",
                             "fields": { "given_name": "given_name", "family_name": "last_name" } } ] }
            """);
        var ex = Assert.Throws<SourcesFileException>(() => FileConnectors.OpenRecords(file.Sources[0], file));
        Assert.That(ex!.Message, Does.Contain("source 'A'"));
        Assert.That(ex.Message, Does.Contain("column 'last_name' (field 'family_name') is not in the header"));
        Assert.That(ex.Message, Does.Contain("the header has: 'rec_id', 'given_name', 'surname'"));
    }

    [Test]
    public void A_missing_data_file_fails_at_open()
    {
        var file = LoadSources("""{ "sources": [ { "system": "A", "path": "gone.csv", "key": "id", "fields": { "name": "n" } } ] }""");
        var ex = Assert.Throws<SourcesFileException>(() => FileConnectors.OpenRecords(file.Sources[0], file));
        Assert.That(ex!.Message, Does.Contain("source 'A': file not found").And.Contain("gone.csv"));
    }

    [Test]
    public void An_empty_file_fails_at_open_rather_than_retiring_every_record()
    {
        WriteText("a.csv", "");
        var file = LoadSources("""{ "sources": [ { "system": "A", "path": "a.csv", "key": "id", "fields": { "name": "n" } } ] }""");
        var ex = Assert.Throws<SourcesFileException>(() => FileConnectors.OpenRecords(file.Sources[0], file));
        Assert.That(ex!.Message, Does.Contain("is empty"));
    }

    [Test]
    public void Wrong_encoding_hint_is_given_when_the_header_does_not_decode()
    {
        WriteText("c.csv", "客户编号,客户名称\nC1,张三\n", GetEncoding("gb18030"));
        var file = LoadSources("""{ "sources": [ { "system": "c", "path": "c.csv", "key": "客户编号", "fields": { "name": "客户名称" } } ] }""");
        var ex = Assert.Throws<SourcesFileException>(() => FileConnectors.OpenRecords(file.Sources[0], file));
        Assert.That(ex!.Message, Does.Contain("undecodable bytes for encoding utf-8"));
    }
}
