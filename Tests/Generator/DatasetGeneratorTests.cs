using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mdm.Benchmarks.Generator;

namespace Mdm.Tests.Generator;

[TestFixture]
public sealed class DatasetGeneratorTests
{
    private static readonly string[] SourceFiles = ["counter.csv", "hk_desk.csv", "crm.jsonl", "people.csv"];
    private static readonly string[] AllFiles = [.. SourceFiles, "counter_txn.csv", "truth.csv", "sources.json", "rejects_expected.csv"];

    private string _root = null!;
    private GeneratedDataset _clean = null!;   // 5,000 entities, seed 5
    private GeneratedDataset _dirty = null!;   // same, with 5 % bad rows
    private Encoding _gb18030Strict = null!;

    [OneTimeSetUp]
    public void GenerateDatasets()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _gb18030Strict = Encoding.GetEncoding("gb18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        _root = Path.Combine(Path.GetTempPath(), "mdm-generator-tests-" + Guid.NewGuid().ToString("N"));
        _clean = DatasetGenerator.Generate(Path.Combine(_root, "clean"), new GeneratorOptions(5000, Seed: 5));
        _dirty = DatasetGenerator.Generate(Path.Combine(_root, "dirty"), new GeneratorOptions(5000, Seed: 5, BadRowRate: 0.05));
    }

    [OneTimeTearDown]
    public void DeleteDatasets()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    // ---- determinism --------------------------------------------------------------------------------------

    [Test]
    public void SameSeedAndSizeGiveByteIdenticalFiles()
    {
        var first = DatasetGenerator.Generate(Path.Combine(_root, "same-1"), new GeneratorOptions(500, Seed: 11, BadRowRate: 0.02));
        var second = DatasetGenerator.Generate(Path.Combine(_root, "same-2"), new GeneratorOptions(500, Seed: 11, BadRowRate: 0.02));
        foreach (var file in AllFiles)
            Assert.That(Hash(second.Directory, file), Is.EqualTo(Hash(first.Directory, file)), file);
        Assert.That(second.Records, Is.EqualTo(first.Records));
    }

    [Test]
    public void DifferentSeedGivesDifferentData()
    {
        var a = DatasetGenerator.Generate(Path.Combine(_root, "seed-11"), new GeneratorOptions(500, Seed: 11));
        var b = DatasetGenerator.Generate(Path.Combine(_root, "seed-12"), new GeneratorOptions(500, Seed: 12));
        foreach (var file in new[] { "counter.csv", "hk_desk.csv", "crm.jsonl", "truth.csv" })
            Assert.That(Hash(b.Directory, file), Is.Not.EqualTo(Hash(a.Directory, file)), file);
    }

    [Test]
    public void BadRowsDoNotChangeTheValidData()
    {
        Assert.That(Hash(_dirty.Directory, "truth.csv"), Is.EqualTo(Hash(_clean.Directory, "truth.csv")));
        Assert.That(Hash(_dirty.Directory, "counter_txn.csv"), Is.EqualTo(Hash(_clean.Directory, "counter_txn.csv")));
        Assert.That(_dirty.BadRows, Is.GreaterThan(0));
        Assert.That(_clean.BadRows, Is.Zero);
    }

    [Test]
    public void ExtraPaymentsAddTransactionsInTwoSystemsAndLeaveTheRecordsAsTheyWere()
    {
        var postal = DatasetGenerator.Generate(Path.Combine(_root, "postal"), new GeneratorOptions(5000, Seed: 5, ExtraPaymentsPerRecord: 3));
        foreach (var file in (string[])[.. SourceFiles, "truth.csv"])
            Assert.That(Hash(postal.Directory, file), Is.EqualTo(Hash(_clean.Directory, file)), $"{file}: the records are those of the data set without them");
        Assert.That(postal.Transactions, Is.GreaterThan(_clean.Transactions + 2.0 * (postal.RecordsPerSystem["counter"] + postal.RecordsPerSystem["crm"])),
            "about 3 more payments per counter and CRM record");
        var sources = Mdm.Connectors.Configuration.SourcesFile.Load(postal.SourcesFile);
        Assert.That(sources.Transactions.Select(t => t.System), Is.EquivalentTo(new[] { "counter", "crm" }), "customers pay through more than one system");
        var crmLines = File.ReadLines(Path.Combine(postal.Directory, "crm_txn.csv")).Skip(1).ToList();
        var crmKeys = File.ReadLines(postal.TruthFile).Where(l => l.StartsWith("crm,", StringComparison.Ordinal)).Select(l => l.Split(',')[1]).ToHashSet();
        Assert.That(crmLines.All(l => crmKeys.Contains(l.Split(',')[0])), Is.True, "every CRM payment belongs to a CRM record");
    }

    // ---- sizes --------------------------------------------------------------------------------------------

    [Test]
    public void SmallRunHasRecordsInEverySystem()
    {
        var small = DatasetGenerator.Generate(Path.Combine(_root, "small"), new GeneratorOptions(500, Seed: 3));
        Assert.That(small.Entities, Is.EqualTo(500));
        Assert.That(small.RecordsPerSystem.Keys, Is.EqualTo(new[] { "counter", "hk_desk", "crm", "A" }));
        foreach (var (system, count) in small.RecordsPerSystem) Assert.That(count, Is.GreaterThan(0), system);
        Assert.That(small.Records, Is.EqualTo(small.RecordsPerSystem.Values.Sum()));
        Assert.That(small.Transactions, Is.GreaterThan(0));
    }

    [Test]
    public void AboutTwoRecordsPerEntity()
    {
        var perEntity = (double)_clean.Records / _clean.Entities;
        Assert.That(perEntity, Is.InRange(2.0, 2.4));
        var entities = ReadTruth(_clean).Values.Distinct().Count();
        Assert.That(entities, Is.EqualTo(5000));
    }

    // ---- truth --------------------------------------------------------------------------------------------

    [Test]
    public void TruthListsEveryValidRecordExactlyOnceAndNoBadRow()
    {
        var truth = ReadTruth(_dirty); // throws on a repeated (system, key)
        Assert.That(truth, Has.Count.EqualTo(_dirty.Records));
        var rejects = ReadRejects(_dirty);
        Assert.That(rejects, Has.Count.EqualTo(_dirty.BadRows));

        var seen = new HashSet<(string, string)>();
        var problems = new List<string>(); // collected, not asserted per line, to keep the test fast
        foreach (var (system, file) in new[] { ("counter", "counter.csv"), ("hk_desk", "hk_desk.csv"), ("crm", "crm.jsonl"), ("A", "people.csv") })
        {
            var lines = ReadLines(_dirty, file);
            var first = file.EndsWith(".jsonl", StringComparison.Ordinal) ? 1 : 2;
            for (var line = first; line <= lines.Length; line++)
            {
                var text = lines[line - 1];
                var key = KeyOf(system, text);
                if (rejects.TryGetValue((system, line), out var reason))
                {
                    if (reason == "duplicate key" && !seen.Contains((system, key!)))
                        problems.Add($"{system}:{line} duplicate of nothing earlier");
                    else if (reason == "missing key" && !string.IsNullOrEmpty(key))
                        problems.Add($"{system}:{line} has a key");
                    else if (reason != "duplicate key" && !string.IsNullOrEmpty(key) && truth.ContainsKey((system, key)))
                        problems.Add($"{system}:{line} ({reason}) is in truth");
                    continue;
                }
                if (key is null || !truth.ContainsKey((system, key))) problems.Add($"{system}:{line} key {key} missing from truth");
                else if (!seen.Add((system, key))) problems.Add($"{system}:{line} key {key} repeated");
            }
        }
        Assert.That(problems, Is.Empty);
        Assert.That(seen, Has.Count.EqualTo(truth.Count));
        Assert.That(rejects.Values.Distinct(), Is.SupersetOf(new[] { "broken quote", "missing key", "duplicate key", "undecodable bytes", "malformed json" }));
    }

    [Test]
    public void UndecodableRowsAreExactlyTheListedOnes()
    {
        var bytes = File.ReadAllBytes(Path.Combine(_dirty.Directory, "counter.csv"));
        var failing = new List<long>();
        long line = 1, start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n') continue;
            try { _gb18030Strict.GetString(bytes, (int)start, (int)(i - start)); }
            catch (DecoderFallbackException) { failing.Add(line); }
            line++;
            start = i + 1;
        }
        var expected = ReadRejects(_dirty).Where(r => r.Key.System == "counter" && r.Value == "undecodable bytes").Select(r => r.Key.Line).Order();
        Assert.That(failing, Is.EqualTo(expected));
        Assert.That(failing, Is.Not.Empty);
    }

    // ---- encodings and formats ----------------------------------------------------------------------------

    [Test]
    public void CounterFileIsGb18030WithChineseContent()
    {
        var text = _gb18030Strict.GetString(File.ReadAllBytes(Path.Combine(_clean.Directory, "counter.csv")));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("客户编号,客户类型,客户名称,证件号码,联系电话,地址,更新时间"));
        Assert.That(text, Does.Contain(",个人,").And.Contain(",单位,").And.Contain("有限公司"));
        Assert.That(lines.Length - 1, Is.EqualTo(_clean.RecordsPerSystem["counter"]));
        // GB18030 is not UTF-8: the bytes of 客户编号 differ.
        Assert.That(File.ReadAllBytes(Path.Combine(_clean.Directory, "counter.csv"))[..4], Is.EqualTo(_gb18030Strict.GetBytes("客户")));
        var transactions = _gb18030Strict.GetString(File.ReadAllBytes(Path.Combine(_clean.Directory, "counter_txn.csv")));
        Assert.That(transactions, Does.StartWith("客户编号,金额,交易日期\r\n"));
    }

    [Test]
    public void HkDeskIsTraditionalUtf8WithBomAndSpacedHeaders()
    {
        var bytes = File.ReadAllBytes(Path.Combine(_clean.Directory, "hk_desk.csv"));
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.That(text, Does.StartWith("id, full_name, id_card, mobile, province, city, district, street, updated\r\n"));
        Assert.That(text, Does.Contain("張").And.Contain("陳").And.Contain("區").And.Contain("號"));
        var simplifiedFound = "张陈刘赵杨吴郑黄区号东门栋单".Where(c => text.Contains(c)).ToArray();
        Assert.That(simplifiedFound, Is.Empty, "simplified characters in hk_desk");
        Assert.That(text, Does.Contain("１").Or.Contain("３"), "full-width digits");
        var ids = ReadLines(_clean, "hk_desk.csv").Skip(1).Select(l => SplitCsv(l)[2]).Where(id => id.Length > 0).ToList();
        Assert.That(ids.Count(id => id.Length == 15), Is.GreaterThan(0), "15-digit legacy ID cards");
        Assert.That(ids.All(id => id.Length is 15 or 18), Is.True);
    }

    [Test]
    public void CrmLinesAreJsonWithVariedNamesAndPhones()
    {
        var lines = ReadLines(_clean, "crm.jsonl");
        Assert.That(lines, Has.Length.EqualTo(_clean.RecordsPerSystem["crm"]));
        int arrays = 0, pinyin = 0, chinese = 0, plus86 = 0;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.That(root.GetProperty("id").GetString(), Does.StartWith("CRM-"));
            var name = root.GetProperty("name").GetString()!;
            if (name.Any(c => c >= '\u4E00' && c <= '\u9FFF')) chinese++;
            else pinyin++;
            if (root.TryGetProperty("phone", out var phone))
            {
                if (phone.ValueKind == JsonValueKind.Array) arrays++;
                else if (phone.ValueKind == JsonValueKind.String && phone.GetString()!.StartsWith("+86 ", StringComparison.Ordinal)) plus86++;
            }
            if (root.TryGetProperty("birth_date", out var birth) && birth.ValueKind == JsonValueKind.String && birth.GetString()!.Length > 0)
                Assert.That(DateOnly.TryParseExact(birth.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), Is.True);
        }
        Assert.That(arrays, Is.GreaterThan(0));
        Assert.That(plus86, Is.GreaterThan(0));
        Assert.That(pinyin, Is.GreaterThan(lines.Length / 3));
        Assert.That(chinese, Is.GreaterThan(lines.Length / 10));
    }

    [Test]
    public void SourcesFileDescribesFilesThatExist()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(_clean.SourcesFile));
        var sources = doc.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.That(sources.Select(s => s.GetProperty("system").GetString()), Is.EqualTo(new[] { "counter", "hk_desk", "crm", "A" }));
        foreach (var s in sources)
            Assert.That(File.Exists(Path.Combine(_clean.Directory, s.GetProperty("path").GetString()!)), Is.True);
        var txn = doc.RootElement.GetProperty("transactions")[0];
        Assert.That(File.Exists(Path.Combine(_clean.Directory, txn.GetProperty("path").GetString()!)), Is.True);
        Assert.That(doc.RootElement.GetProperty("store").GetString(), Is.EqualTo("mdm-data/mdm.db"));
    }

    // ---- identifiers --------------------------------------------------------------------------------------

    [TestCase("11010519491231002X", true)]
    [TestCase("11010519491231002x", true)]
    [TestCase("110105194912310021", false)]   // wrong check character
    [TestCase("11010519491231002", false)]    // too short
    [TestCase("440305198001011234", false)]
    public void IdCardCheckCharacter(string id, bool valid)
    {
        Assert.That(ChineseIdentifiers.IsValidIdCard(id), Is.EqualTo(valid));
        Assert.That(IndependentIdCardCheck(id), Is.EqualTo(valid));
    }

    [TestCase("91350100M000100Y43", true)]
    [TestCase("914403001922038216", true)]
    [TestCase("91350100M000100Y44", false)]
    [TestCase("91350100M000100Y4", false)]
    public void CreditCodeCheckCharacter(string code, bool valid) =>
        Assert.That(ChineseIdentifiers.IsValidCreditCode(code), Is.EqualTo(valid));

    [Test]
    public void LegacyIdCardDropsCenturyAndCheck() =>
        Assert.That(ChineseIdentifiers.ToLegacyIdCard("11010519491231002X"), Is.EqualTo("110105491231002"));

    [Test]
    public void GeneratedIdCardsAndCreditCodesAreValid()
    {
        int idCards = 0, creditCodes = 0;
        foreach (var line in ReadLines(_clean, "counter.csv").Skip(1))
        {
            var f = SplitCsv(line);
            var id = f[3];
            if (id.Length == 0) continue;
            if (f[1] == "单位")
            {
                Assert.That(ChineseIdentifiers.IsValidCreditCode(id), Is.True, id);
                creditCodes++;
            }
            else if (id.Length == 18)
            {
                Assert.That(IndependentIdCardCheck(id), Is.True, id);
                var birth = DateOnly.ParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
                Assert.That(birth.Year, Is.InRange(1940, 2006));
                idCards++;
            }
        }
        Assert.That(idCards, Is.GreaterThan(1000));
        Assert.That(creditCodes, Is.GreaterThan(100));
    }

    // ---- hard negatives -----------------------------------------------------------------------------------

    [Test]
    public void DifferentPeopleShareFullNames()
    {
        var truth = ReadTruth(_clean);
        var entitiesByName = new Dictionary<string, HashSet<string>>();
        foreach (var line in ReadLines(_clean, "counter.csv").Skip(1))
        {
            var f = SplitCsv(line);
            if (f[1] != "个人" || f[2].Length is < 2 or > 4 || !f[2].All(c => c >= '\u4E00' && c <= '\u9FFF')) continue;
            var set = entitiesByName.TryGetValue(f[2], out var s) ? s : entitiesByName[f[2]] = [];
            set.Add(truth[("counter", f[0])]);
        }
        var shared = entitiesByName.Where(kv => kv.Value.Count >= 2).Select(kv => kv.Key).ToList();
        Assert.That(shared.Count, Is.GreaterThan(20));
        Assert.That(shared, Has.Some.StartsWith("张").Or.Some.StartsWith("王").Or.Some.StartsWith("李"));
    }

    [Test]
    public void HouseholdMembersShareAnAddressButNotAnIdentity()
    {
        var truth = ReadTruth(_clean);
        var byAddress = new Dictionary<string, List<(string Entity, string Name, string Id)>>();
        foreach (var line in ReadLines(_clean, "counter.csv").Skip(1))
        {
            var f = SplitCsv(line);
            if (f[1] != "个人" || f[5].Length == 0) continue;
            (byAddress.TryGetValue(f[5], out var list) ? list : byAddress[f[5]] = []).Add((truth[("counter", f[0])], f[2], f[3]));
        }
        var households = byAddress.Values.Where(v => v.Select(x => x.Entity).Distinct().Count() >= 2).ToList();
        Assert.That(households.Count, Is.GreaterThan(10));
        foreach (var members in households)
        {
            var ids = members.Where(m => m.Id.Length == 18).GroupBy(m => m.Id.ToUpperInvariant());
            foreach (var g in ids) Assert.That(g.Select(m => m.Entity).Distinct().Count(), Is.EqualTo(1), "an ID card belongs to one entity");
        }
        // Father and son: same full name at the same address, two entities.
        Assert.That(households.Any(v => v.GroupBy(m => m.Name).Any(g => g.Select(m => m.Entity).Distinct().Count() >= 2)), Is.True);
    }

    [Test]
    public void SameBrandInDifferentCitiesIsDifferentCompanies()
    {
        var truth = ReadTruth(_clean);
        var entitiesByBrand = new Dictionary<string, HashSet<string>>();
        foreach (var line in ReadLines(_clean, "counter.csv").Skip(1))
        {
            var f = SplitCsv(line);
            if (f[1] != "单位" || !f[2].EndsWith("公司", StringComparison.Ordinal) || f[2].Contains('（') || f[2].Contains('(')) continue;
            var brandAndTrade = f[2][(f[2].IndexOf('市') + 1)..].Replace("有限", "").Replace("公司", "");
            (entitiesByBrand.TryGetValue(brandAndTrade, out var s) ? s : entitiesByBrand[brandAndTrade] = []).Add(truth[("counter", f[0])]);
        }
        Assert.That(entitiesByBrand.Values.Count(v => v.Count >= 2), Is.GreaterThan(5));
    }

    [Test]
    public void TransactionValuesAreSkewed()
    {
        var truth = ReadTruth(_clean);
        var totals = new Dictionary<string, decimal>();
        foreach (var line in ReadLines(_clean, "counter_txn.csv").Skip(1))
        {
            var f = line.Split(',');
            Assert.That(truth.ContainsKey(("counter", f[0])), Is.True, f[0]);
            var amount = decimal.Parse(f[1], CultureInfo.InvariantCulture);
            Assert.That(amount, Is.GreaterThan(0m));
            Assert.That(DateOnly.ParseExact(f[2], "yyyy-MM-dd", CultureInfo.InvariantCulture).Year, Is.InRange(2020, 2025));
            totals[f[0]] = totals.GetValueOrDefault(f[0]) + amount;
        }
        Assert.That(totals.Values.Max(), Is.LessThanOrEqualTo(1_000_000m).And.GreaterThan(100_000m));
        Assert.That(totals.Values.Count(v => v == 1m), Is.GreaterThan(20), "many customers worth 1 yuan");
        var sorted = totals.Values.Order().ToList();
        var top1Percent = sorted.Skip(sorted.Count * 99 / 100).Sum();
        Assert.That(top1Percent / sorted.Sum(), Is.GreaterThan(0.3m), "the top 1 % hold a large share");
    }

    // ---- command line -------------------------------------------------------------------------------------

    [Test]
    public void GenerateCommandWritesAndPrintsCounts()
    {
        var output = new StringWriter();
        var dir = Path.Combine(_root, "cli");
        var code = GenerateCommand.Run(["--entities", "300", "--seed", "7", "--out", dir, "--bad-rows", "0.01"], output, TextWriter.Null);
        Assert.That(code, Is.Zero);
        Assert.That(output.ToString(), Does.Contain("entities").And.Contain("300").And.Contain("hk_desk").And.Contain("transactions"));
        Assert.That(File.Exists(Path.Combine(dir, "truth.csv")), Is.True);
    }

    [TestCase("--entities", "0", "--out", "x")]
    [TestCase("--entities", "10")]
    [TestCase("--entities", "10", "--out", "x", "--bad-rows", "2")]
    [TestCase("--entities", "10", "--out", "x", "--colour", "red")]
    public void GenerateCommandRejectsBadArguments(params string[] args)
    {
        var error = new StringWriter();
        Assert.That(GenerateCommand.Run(args, TextWriter.Null, error), Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("usage"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static bool IndependentIdCardCheck(string id)
    {
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit)) return false;
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * weights[i];
        return "10X98765432"[sum % 11] == char.ToUpperInvariant(id[17]);
    }

    private static string Hash(string directory, string file) =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, file))));

    private string[] ReadLines(GeneratedDataset dataset, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(dataset.Directory, file));
        var encoding = file.StartsWith("counter", StringComparison.Ordinal) ? Encoding.GetEncoding("gb18030") : Encoding.UTF8;
        var text = encoding.GetString(bytes).TrimStart('\uFEFF');
        return text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
    }

    private Dictionary<(string System, string Key), string> ReadTruth(GeneratedDataset dataset)
    {
        var lines = ReadLines(dataset, "truth.csv");
        Assert.That(lines[0], Is.EqualTo("system,key,entity"));
        var truth = new Dictionary<(string, string), string>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            truth.Add((f[0], f[1]), f[2]);
        }
        return truth;
    }

    private Dictionary<(string System, long Line), string> ReadRejects(GeneratedDataset dataset)
    {
        var lines = ReadLines(dataset, "rejects_expected.csv");
        Assert.That(lines[0], Is.EqualTo("system,line,reason"));
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], long.Parse(f[1], CultureInfo.InvariantCulture)), f => f[2]);
    }

    private static string? KeyOf(string system, string line)
    {
        if (system != "crm") return SplitCsv(line)[0];
        var at = line.IndexOf("\"id\":\"", StringComparison.Ordinal);
        if (at < 0) return null;
        at += 6;
        return line[at..line.IndexOf('"', at)];
    }

    /// <summary>RFC 4180 split of one line (no embedded newlines in these files); lenient about text after a closing quote.</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') sb.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
