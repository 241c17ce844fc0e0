using System.Text;

namespace Mdm.Benchmarks.Generator;

/// <summary>What to generate.</summary>
/// <param name="Entities">Number of real customers (persons and companies); records are about 2.2 times this.</param>
/// <param name="Seed">Seed of the one <see cref="Random"/> everything is drawn from: same seed and size, same bytes.</param>
/// <param name="BadRowRate">Share of extra, deliberately broken rows (broken quote, missing or duplicate key,
/// undecodable bytes, malformed JSON) injected into the source files; listed in rejects_expected.csv, never in truth.csv.</param>
/// <param name="Dirt">Multiplies every typo rate and the share of hard records (1: the default mix; 2: twice as dirty).</param>
/// <param name="ExtraPaymentsPerRecord">Mean payments added per counter and CRM record (0: only the counter's own,
/// about 1.3 a record); the records are the same either way.</param>
public sealed record GeneratorOptions(int Entities, int Seed = 42, double BadRowRate = 0.0, double Dirt = 1.0, double ExtraPaymentsPerRecord = 0.0);

/// <summary>What was written.</summary>
/// <param name="Directory">The output folder.</param>
/// <param name="SourcesFile">sources.json, describing every source file (paths relative to it).</param>
/// <param name="TruthFile">truth.csv: system,key,entity for every valid record.</param>
/// <param name="Entities">Real customers generated.</param>
/// <param name="Records">Valid records written over all systems (= rows of truth.csv).</param>
/// <param name="RecordsPerSystem">Valid records per system, in the order counter, hk_desk, crm, A.</param>
/// <param name="Transactions">Rows written to counter_txn.csv.</param>
/// <param name="BadRows">Deliberately bad rows written (= rows of rejects_expected.csv).</param>
public sealed record GeneratedDataset(
    string Directory, string SourcesFile, string TruthFile, int Entities, long Records,
    IReadOnlyDictionary<string, long> RecordsPerSystem, long Transactions, int BadRows);

/// <summary>
/// Deterministic generator of labelled multi-system customer data (Chinese first, some English) with realistic
/// dirt and hard negatives: a GB18030 counter export with transactions, a Traditional-script Hong Kong desk export,
/// a JSON-lines CRM and a FEBRL-style file, plus sources.json and the truth. Streams everything: a million records
/// take seconds and little memory. Safe to call concurrently for different output folders.
/// </summary>
public static class DatasetGenerator
{
    /// <summary>The sources file, describing each source file's format, encoding, key and field mapping.</summary>
    public const string SourcesFileName = "sources.json";

    /// <summary>system,key,entity for every valid record.</summary>
    public const string TruthFileName = "truth.csv";

    /// <summary>system,line,reason for every deliberately bad row.</summary>
    public const string RejectsFileName = "rejects_expected.csv";

    /// <summary>Generates a dataset into <paramref name="outputDirectory"/> (created if needed; files are overwritten).</summary>
    public static GeneratedDataset Generate(string outputDirectory, GeneratorOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Entities, 1, nameof(options));
        if (!(options.Dirt >= 0 && options.Dirt <= 10))
            throw new ArgumentOutOfRangeException(nameof(options), options.Dirt, "Dirt must be between 0 and 10.");
        if (!(options.BadRowRate >= 0 && options.BadRowRate <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(options), options.BadRowRate, "BadRowRate must be between 0 and 0.5.");

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("gb18030");
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        var directory = Path.GetFullPath(outputDirectory);
        System.IO.Directory.CreateDirectory(directory);
        string At(string file) => Path.Combine(directory, file);

        var random = new Random(options.Seed);
        // Bad rows come from their own stream so a dirty dataset has exactly the clean dataset's valid rows.
        var badRandom = options.BadRowRate > 0 ? new Random(unchecked(options.Seed * 486_187_739 + 97)) : null;

        using var rejects = new RejectLog(At(RejectsFileName));
        BadRowPlan Plan(params BadRowKind[] kinds) => new(badRandom, options.BadRowRate, kinds, rejects);

        using var counter = new SystemSink("counter", At("counter.csv"), gb18030, "\r\n",
            "客户编号,客户类型,客户名称,证件号码,联系电话,地址,更新时间", RowFormat.Csv, nameField: 1,
            new KeySequence("C", random),
            Plan(BadRowKind.BrokenQuote, BadRowKind.MissingKey, BadRowKind.DuplicateKey, BadRowKind.UndecodableBytes));
        using var hkDesk = new SystemSink("hk_desk", At("hk_desk.csv"), utf8WithBom, "\r\n",
            "id, full_name, id_card, mobile, province, city, district, street, updated", RowFormat.Csv, nameField: 0,
            new KeySequence("HK", random),
            Plan(BadRowKind.BrokenQuote, BadRowKind.MissingKey, BadRowKind.DuplicateKey));
        using var crm = new SystemSink("crm", At("crm.jsonl"), utf8, "\n", header: null, RowFormat.JsonLines, nameField: -1,
            new KeySequence("CRM-", random),
            Plan(BadRowKind.MalformedJson, BadRowKind.MissingKey, BadRowKind.DuplicateKey));
        using var people = new SystemSink("A", At("people.csv"), utf8, "\n",
            "rec_id,given_name,surname,street_number,address_1,address_2,suburb,postcode,state,date_of_birth,soc_sec_id",
            RowFormat.Csv, nameField: 0,
            new KeySequence("rec-", random),
            Plan(BadRowKind.BrokenQuote, BadRowKind.MissingKey, BadRowKind.DuplicateKey));
        using var truth = new StreamWriter(At(TruthFileName), append: false, utf8, 1 << 16) { NewLine = "\n" };
        using var transactions = new StreamWriter(At("counter_txn.csv"), append: false, gb18030, 1 << 16) { NewLine = "\r\n" };
        truth.WriteLine("system,key,entity");
        transactions.WriteLine("客户编号,金额,交易日期");

        using var crmTransactions = options.ExtraPaymentsPerRecord > 0
            ? new StreamWriter(At("crm_txn.csv"), append: false, utf8, 1 << 16) { NewLine = "\n" }
            : null;
        crmTransactions?.WriteLine("id,amount,date");
        var extra = crmTransactions is null ? null : new ExtraPayments(options.ExtraPaymentsPerRecord, options.Seed, transactions, crmTransactions);
        var renderer = new RecordRenderer(random, counter, hkDesk, crm, people, truth, transactions, options.Dirt, extra);
        var factory = new EntityFactory(random);
        var unit = new List<Entity>(4);
        var entities = 0;
        while (entities < options.Entities)
        {
            unit.Clear();
            factory.NextUnit(unit, options.Entities - entities);
            foreach (var entity in unit) renderer.Emit(entity);
            entities += unit.Count;
        }
        SystemSink[] sinks = [counter, hkDesk, crm, people];
        var perSystem = new Dictionary<string, long>(StringComparer.Ordinal);
        long records = 0;
        foreach (var sink in sinks)
        {
            sink.Complete(random);
            perSystem[sink.System] = sink.Records;
            records += sink.Records;
        }
        File.WriteAllText(At(SourcesFileName), extra is null ? SourcesJson : SourcesJson.Replace(CounterTransactions, CounterTransactions + ",\n" + CrmTransactions, StringComparison.Ordinal), utf8);
        return new GeneratedDataset(directory, At(SourcesFileName), At(TruthFileName), entities, records, perSystem,
            renderer.Transactions + renderer.ExtraTransactions, rejects.Count);
    }

    private const string CounterTransactions = """{ "system": "counter", "path": "counter_txn.csv", "encoding": "gb18030", "key": "客户编号", "amount": "金额", "date": "交易日期" }""";

    private const string CrmTransactions = """    { "system": "crm", "path": "crm_txn.csv", "key": "id", "amount": "amount", "date": "date" }""";

    private const string SourcesJson = """
        { "store": "mdm-data/mdm.db",
          "sources": [
            { "system": "counter", "path": "counter.csv", "format": "csv", "encoding": "gb18030", "key": "客户编号", "trust": 80, "updated_at": "更新时间",
              "kind": { "column": "客户类型", "organization": ["单位"] },
              "fields": { "name": "客户名称", "national_id": "证件号码", "phone": "联系电话", "address": "地址" } },
            { "system": "hk_desk", "path": "hk_desk.csv", "format": "csv", "encoding": "utf-8", "key": "id", "trust": 60, "updated_at": "updated",
              "fields": { "name": "full_name", "national_id": "id_card", "phone": "mobile", "province": "province", "city": "city", "district": "district", "address": "street" } },
            { "system": "crm", "path": "crm.jsonl", "format": "jsonl", "key": "id", "trust": 50,
              "fields": { "name": "name", "phone": "phone", "email": "email", "address": "address", "national_id": "id_no", "birth_date": "birth_date" } },
            { "system": "A", "path": "people.csv", "format": "csv", "key": "rec_id", "trust": 40,
              "fields": { "given_name": "given_name", "family_name": "surname", "address": ["street_number", "address_1", "address_2"], "city": "suburb",
                          "postcode": "postcode", "province": "state", "birth_date": { "column": "date_of_birth", "format": "yyyyMMdd" }, "national_id": "soc_sec_id" } }
          ],
          "transactions": [ { "system": "counter", "path": "counter_txn.csv", "encoding": "gb18030", "key": "客户编号", "amount": "金额", "date": "交易日期" } ] }

        """;
}
