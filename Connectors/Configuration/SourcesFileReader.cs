using System.Globalization;
using System.Text.Json;
using Mdm.Engine.Records;

namespace Mdm.Connectors.Configuration;

/// <summary>Validates the JSON of a sources file into definitions; every error names the file, the source and the setting.</summary>
internal sealed class SourcesFileReader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly HashSet<string> SourceProperties = new(StringComparer.Ordinal)
    {
        "system", "path", "format", "encoding", "delimiter", "header", "quoting", "key", "kind", "fields", "trust",
        "updated_at", "full_extract", "retirement", "deleted", "description", "country",
        "max_row_bytes", "provider", "connection", "connection_env", "table", "query", "watermark",
    };

    /// <summary>Settings only a file source has: a database source naming one is a mistake, not ignored.</summary>
    private static readonly string[] FileOnlyProperties = ["path", "encoding", "delimiter", "header", "quoting", "max_row_bytes"];

    /// <summary>Settings only a database source has.</summary>
    private static readonly string[] DatabaseOnlyProperties = ["provider", "connection", "connection_env", "table", "query", "watermark"];

    private static readonly HashSet<string> TransactionProperties = new(StringComparer.Ordinal)
    {
        "system", "path", "format", "encoding", "delimiter", "header", "quoting", "key", "amount", "date", "date_format",
        "description",
        "max_row_bytes",
    };

    private readonly string _file;

    public SourcesFileReader(string file) => _file = file;

    public (string? Store, ServerStoreSettings? ServerStore, IReadOnlyList<SourceDefinition> Sources, IReadOnlyList<TransactionSourceDefinition> Transactions, Mdm.Engine.Value.TierPolicy Value) Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : "";
            throw new SourcesFileException(_file, null, null, $"not valid JSON{where}: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Error(null, null, $"the top level must be a JSON object with \"sources\", not {Describe(root.ValueKind)}");
            CheckNoDuplicateProperties(root, null, null);

            string? store = null;
            ServerStoreSettings? serverStore = null;
            if (root.TryGetProperty("store", out var storeElement) && storeElement.ValueKind == JsonValueKind.Object)
                serverStore = ReadServerStore(storeElement);
            else if (storeElement.ValueKind != JsonValueKind.Null && storeElement.ValueKind != JsonValueKind.Undefined)
                store = RequireString(storeElement, null, null, "\"store\"");

            if (!root.TryGetProperty("sources", out var sourcesElement))
                throw Error(null, null, "\"sources\" is missing: list the source systems to load");
            if (sourcesElement.ValueKind != JsonValueKind.Array)
                throw Error(null, null, $"\"sources\" must be an array of source objects, not {Describe(sourcesElement.ValueKind)}");
            if (sourcesElement.GetArrayLength() == 0)
                throw Error(null, null, "\"sources\" is empty: declare at least one source system");

            var sources = new List<SourceDefinition>();
            var systems = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var element in sourcesElement.EnumerateArray())
            {
                var source = ReadSource(element, index);
                source.MaxRowBytes = ReadMaxRowBytes(element, $"source '{source.System}'", source.System);
                if (systems.TryGetValue(source.System, out var first))
                {
                    throw Error($"source '{source.System}'", source.System,
                        $"duplicate system name: sources[{first}] is already called '{sources[first].System}' (system names must be unique, ignoring case)");
                }
                systems.Add(source.System, index);
                sources.Add(source);
                index++;
            }

            var transactions = new List<TransactionSourceDefinition>();
            if (root.TryGetProperty("transactions", out var transactionsElement) && transactionsElement.ValueKind != JsonValueKind.Null)
            {
                if (transactionsElement.ValueKind != JsonValueKind.Array)
                    throw Error(null, null, $"\"transactions\" must be an array, not {Describe(transactionsElement.ValueKind)}");
                index = 0;
                foreach (var element in transactionsElement.EnumerateArray())
                {
                    var transaction = ReadTransaction(element, index);
                    transaction.MaxRowBytes = ReadMaxRowBytes(element, $"transaction source '{transaction.System}'", transaction.System);
                    if (!systems.TryGetValue(transaction.System, out var sourceIndex) ||
                        !string.Equals(sources[sourceIndex].System, transaction.System, StringComparison.Ordinal))
                    {
                        var hint = systems.TryGetValue(transaction.System, out var similar) ? $" (did you mean '{sources[similar].System}'?)" : "";
                        throw Error($"transaction source '{transaction.System}'", transaction.System,
                            $"no source in \"sources\" has system '{transaction.System}'{hint}; transactions must belong to a declared source system");
                    }
                    transactions.Add(transaction);
                    index++;
                }
            }

            return (store, serverStore, sources, transactions, ReadValue(root));
        }
    }

    /// <summary>"value": { "tiers": { "super": 0.01, "large": 0.04, "medium": 0.15 }, "months": 12, "as_of": "today" }, every part optional.</summary>
    private Mdm.Engine.Value.TierPolicy ReadValue(JsonElement root)
    {
        var policy = Mdm.Engine.Value.TierPolicy.Default;
        if (!root.TryGetProperty("value", out var value) || value.ValueKind == JsonValueKind.Null) return policy;
        const string subject = "\"value\"";
        if (value.ValueKind != JsonValueKind.Object)
            throw Error(subject, null, $"must be an object such as {{ \"tiers\": {{ \"super\": 0.01, \"large\": 0.04, \"medium\": 0.15 }}, \"months\": 12, \"as_of\": \"today\" }}, not {Describe(value.ValueKind)}");
        CheckNoDuplicateProperties(value, subject, null);
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "tiers":
                    if (v.ValueKind != JsonValueKind.Object)
                        throw Error(subject, null, $"\"tiers\" must be an object of shares such as {{ \"super\": 0.01, \"large\": 0.04, \"medium\": 0.15 }}, not {Describe(v.ValueKind)}");
                    CheckNoDuplicateProperties(v, subject, null);
                    foreach (var tier in v.EnumerateObject())
                    {
                        decimal share = -1;
                        if (tier.Value.ValueKind == JsonValueKind.Number && tier.Value.TryGetDecimal(out var d)) share = d;
                        if (share is < 0 or > 1)
                            throw Error(subject, null, $"\"tiers\": \"{tier.Name}\" must be a share from 0 to 1, not {tier.Value.GetRawText()}");
                        policy = tier.Name switch
                        {
                            "super" => policy with { SuperShare = share },
                            "large" => policy with { LargeShare = share },
                            "medium" => policy with { MediumShare = share },
                            _ => throw Error(subject, null, $"\"tiers\": unknown tier \"{tier.Name}\"; the tiers are: super, large, medium (the rest is small)"),
                        };
                    }
                    break;
                case "months":
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var months) || months is < 1 or > Mdm.Engine.Value.TierPolicy.MaxMonths)
                        throw Error(subject, null, $"\"months\" must be a whole number from 1 to {Mdm.Engine.Value.TierPolicy.MaxMonths}, not {v.GetRawText()}");
                    policy = policy with { Months = months };
                    break;
                case "as_of":
                    var text = v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : null;
                    policy = policy with
                    {
                        AsOf = text switch
                        {
                            "today" => Mdm.Engine.Value.ValueAsOf.Today,
                            "latest_transaction" => Mdm.Engine.Value.ValueAsOf.LatestTransaction,
                            _ when text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                                => Mdm.Engine.Value.ValueAsOf.On(day),
                            _ => throw Error(subject, null, $"\"as_of\" must be \"today\", \"latest_transaction\" or a date written yyyy-MM-dd, not {v.GetRawText()}"),
                        },
                    };
                    break;
                default:
                    throw Error(subject, null, $"unknown setting \"{property.Name}\"; the settings are: as_of, months, tiers");
            }
        }
        if (policy.Problem() is { } problem) throw Error(subject, null, problem);
        return policy;
    }

    private SourceDefinition ReadSource(JsonElement element, int index)
    {
        var subject = $"sources[{index}]";
        var (system, path, format, encoding, delimiter, hasHeader, quoting) = ReadFile(element, ref subject, "source",
            "name the source system", SourceProperties);

        var key = RequiredString(element, "key", subject, system);
        var kind = element.TryGetProperty("kind", out var kindElement) && kindElement.ValueKind != JsonValueKind.Null
            ? ReadKind(kindElement, subject, system)
            : KindMapping.AllPersons;
        var fields = ReadFields(element, subject, system);

        var trust = 50;
        if (element.TryGetProperty("trust", out var trustElement) && trustElement.ValueKind != JsonValueKind.Null)
        {
            if (trustElement.ValueKind != JsonValueKind.Number || !trustElement.TryGetInt32(out trust) || trust is < 0 or > 100)
                throw Error(subject, system, $"\"trust\" must be a whole number from 0 to 100, not {trustElement.GetRawText()}");
        }

        string? updatedAtColumn = null, updatedAtFormat = null;
        if (element.TryGetProperty("updated_at", out var updatedElement) && updatedElement.ValueKind != JsonValueKind.Null)
            (updatedAtColumn, updatedAtFormat) = ReadColumnWithFormat(updatedElement, subject, system, "\"updated_at\"");

        var fullExtract = OptionalBool(element, "full_extract", subject, system) ?? true;

        DeletedFlag? deleted = null;
        if (element.TryGetProperty("deleted", out var deletedElement) && deletedElement.ValueKind != JsonValueKind.Null)
            deleted = ReadDeleted(deletedElement, subject, system);

        var country = ReadCountry(element, subject, system);

        DatabaseSourceSettings? database = null;
        if (format == SourceFormat.Database) database = ReadDatabase(element, subject, system);
        else
        {
            foreach (var name in DatabaseOnlyProperties)
                if (element.TryGetProperty(name, out _))
                    throw Error(subject, system, $"\"{name}\" applies only to \"format\": \"database\"");
        }

        var definition = new SourceDefinition(system, path, format, encoding, delimiter, hasHeader, quoting, key, kind, fields,
            trust, updatedAtColumn, updatedAtFormat, fullExtract, deleted, country)
        {
            Retirement = ReadRetirement(element, subject, system), Database = database,
        };
        if (!hasHeader) CheckNumberedColumns(ColumnsOf(definition), subject, system);
        return definition;
    }

    /// <summary>What a record source and a transaction source both say: the system, and where and how the file is written.</summary>
    private (string System, string Path, SourceFormat Format, string? Encoding, char Delimiter, bool HasHeader, bool Quoting) ReadFile(
        JsonElement element, ref string subject, string what, string missingSystemHint, HashSet<string> knownProperties)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Error(subject, null, $"each {what} must be a JSON object, not {Describe(element.ValueKind)}");
        var system = element.TryGetProperty("system", out var systemElement)
            ? RequireString(systemElement, subject, null, "\"system\"")
            : throw Error(subject, null, $"\"system\" is missing: {missingSystemHint}");
        subject = $"{what} '{system}'";
        CheckNoDuplicateProperties(element, subject, system);
        CheckKnownProperties(element, knownProperties, subject, system);

        if (string.Equals(OptionalString(element, "format", subject, system), "database", StringComparison.OrdinalIgnoreCase))
        {
            if (!ReferenceEquals(knownProperties, SourceProperties))
                throw Error(subject, system, "\"format\": \"database\" is for customer-record sources; transactions are read from files");
            foreach (var name in FileOnlyProperties)
                if (element.TryGetProperty(name, out _))
                    throw Error(subject, system, $"\"{name}\" does not apply to \"format\": \"database\"");
            return (system, "", SourceFormat.Database, null, ',', true, true);
        }

        var path = RequiredString(element, "path", subject, system);
        var format = ReadFormat(element, path, subject, system);
        var encoding = OptionalString(element, "encoding", subject, system);
        if (encoding is not null && !TextEncodings.IsKnown(encoding))
            throw Error(subject, system, $"unknown encoding '{encoding}' (use e.g. utf-8, gb18030, gbk, gb2312, big5)");
        var delimiter = ReadDelimiter(element, format, subject, system);
        var hasHeader = ReadLayoutBool(element, "header", format, subject, system);
        var quoting = ReadLayoutBool(element, "quoting", format, subject, system);
        return (system, path, format, encoding, delimiter, hasHeader, quoting);
    }

    private TransactionSourceDefinition ReadTransaction(JsonElement element, int index)
    {
        var subject = $"transactions[{index}]";
        var (system, path, format, encoding, delimiter, hasHeader, quoting) = ReadFile(element, ref subject, "transaction source",
            "name the source system the transactions belong to", TransactionProperties);
        var key = RequiredString(element, "key", subject, system);
        var amount = RequiredString(element, "amount", subject, system);

        string? date = null, dateFormat = null;
        if (element.TryGetProperty("date", out var dateElement) && dateElement.ValueKind != JsonValueKind.Null)
            (date, dateFormat) = ReadColumnWithFormat(dateElement, subject, system, "\"date\"");
        var separateFormat = OptionalString(element, "date_format", subject, system);
        if (separateFormat is not null)
        {
            if (dateFormat is not null)
                throw Error(subject, system, "the date format is given twice (in \"date\" and in \"date_format\"); keep one");
            if (date is null)
                throw Error(subject, system, "\"date_format\" is set but \"date\" (the date column) is not");
            CheckDateFormat(separateFormat, subject, system, "\"date_format\"");
            dateFormat = separateFormat;
        }

        var definition = new TransactionSourceDefinition(system, path, format, encoding, delimiter, hasHeader, quoting, key, amount,
            date, dateFormat);
        if (!hasHeader)
        {
            var columns = new List<string> { key, amount };
            if (date is not null) columns.Add(date);
            CheckNumberedColumns(columns, subject, system);
        }
        return definition;
    }

    private SourceFormat ReadFormat(JsonElement element, string path, string subject, string system)
    {
        var text = OptionalString(element, "format", subject, system);
        if (text is null)
        {
            var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
            return extension switch
            {
                ".tsv" or ".tab" => SourceFormat.Tsv,
                ".jsonl" or ".ndjson" => SourceFormat.JsonLines,
                ".json" => throw Error(subject, system,
                    $"cannot tell the layout of '{path}' from its extension: set \"format\": \"jsonl\" if it has one JSON object per line"),
                _ => SourceFormat.Csv,
            };
        }
        return text.ToLowerInvariant() switch
        {
            "csv" => SourceFormat.Csv,
            "tsv" => SourceFormat.Tsv,
            "jsonl" or "jsonlines" or "json-lines" or "ndjson" => SourceFormat.JsonLines,
            _ => throw Error(subject, system, $"unknown \"format\" '{text}' (use \"csv\", \"tsv\", \"jsonl\" or \"database\")"),
        };
    }

    /// <summary>"provider", "connection" or "connection_env", "table" or "query", "watermark" of a database source.</summary>
    private DatabaseSourceSettings ReadDatabase(JsonElement element, string subject, string system)
    {
        var providerText = RequiredString(element, "provider", subject, system);
        var provider = providerText.ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" => DatabaseProvider.PostgreSql,
            "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
            _ => throw Error(subject, system, $"unknown \"provider\" '{providerText}' (use \"postgresql\", \"sqlserver\" or \"sqlite\")"),
        };

        var connection = OptionalString(element, "connection", subject, system);
        var connectionEnv = OptionalString(element, "connection_env", subject, system);
        if ((connection is null) == (connectionEnv is null))
            throw Error(subject, system,
                "give exactly one of \"connection\" (the connection string) or \"connection_env\" (the environment variable holding it, so no password sits in this file)");
        if (connectionEnv is not null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(connectionEnv)))
            throw Error(subject, system, $"the environment variable {connectionEnv} named by \"connection_env\" is not set (it must hold the connection string)");

        var table = OptionalString(element, "table", subject, system);
        var query = OptionalString(element, "query", subject, system);
        if ((table is null) == (query is null))
            throw Error(subject, system, "give exactly one of \"table\" (a table name) or \"query\" (a SELECT returning the rows)");
        if (table is not null && !SqlIdentifier.IsPlain(table, qualified: true))
            throw Error(subject, system,
                $"\"table\" '{table}' is not a plain name (letters, digits and '_', optionally \"schema.table\"); for anything else write a \"query\"");

        var watermark = OptionalString(element, "watermark", subject, system);
        if (watermark is not null && !SqlIdentifier.IsPlain(watermark, qualified: false))
            throw Error(subject, system, $"\"watermark\" '{watermark}' is not a plain column name (letters, digits and '_')");
        return new DatabaseSourceSettings(provider, connection, connectionEnv, table, query, watermark);
    }

    /// <summary>"store": { "provider": "postgresql", "connection" or "connection_env", "folder" }.</summary>
    private ServerStoreSettings ReadServerStore(JsonElement element)
    {
        const string subject = "\"store\"";
        foreach (var property in element.EnumerateObject())
            if (property.Name is not ("provider" or "connection" or "connection_env" or "folder"))
                throw Error(subject, null, $"unknown property \"{property.Name}\" (a server store has \"provider\", \"connection\" or \"connection_env\", and \"folder\")");
        var providerText = RequiredString(element, "provider", subject, "");
        var provider = providerText.ToLowerInvariant() switch
        {
            "postgresql" or "postgres" => DatabaseProvider.PostgreSql,
            "sqlite" => throw Error(subject, null, "the SQLite store is a file: give \"store\" as its path, e.g. \"mdm-data/mdm.db\""),
            _ => throw Error(subject, null, $"unknown store \"provider\" '{providerText}' (use \"postgresql\", or a path for the embedded SQLite store)"),
        };
        var connection = OptionalString(element, "connection", subject, "");
        var connectionEnv = OptionalString(element, "connection_env", subject, "");
        if ((connection is null) == (connectionEnv is null))
            throw Error(subject, null,
                "give exactly one of \"connection\" (the connection string) or \"connection_env\" (the environment variable holding it, so no password sits in this file)");
        return new ServerStoreSettings(provider, connection, connectionEnv, OptionalString(element, "folder", subject, ""));
    }

    private char ReadDelimiter(JsonElement element, SourceFormat format, string subject, string system)
    {
        var defaultDelimiter = format == SourceFormat.Tsv ? '\t' : ',';
        var text = OptionalString(element, "delimiter", subject, system, trim: false);
        if (text is null) return defaultDelimiter;
        if (format == SourceFormat.JsonLines)
            throw Error(subject, system, "\"delimiter\" does not apply to JSON lines");
        var delimiter = text switch
        {
            "\\t" or "tab" => '\t',
            _ when text.Length == 1 => text[0],
            _ => throw Error(subject, system, $"\"delimiter\" must be one character, not '{text}'"),
        };
        if (delimiter > 127 || delimiter is '"' or '\r' or '\n' || (char.IsLetterOrDigit(delimiter)))
            throw Error(subject, system, $"\"delimiter\" '{text}' cannot be used: it must be an ASCII punctuation, space or tab character other than '\"'");
        if (format == SourceFormat.Tsv && delimiter != '\t')
            throw Error(subject, system, "\"format\": \"tsv\" is tab-separated; use \"format\": \"csv\" with this \"delimiter\" instead");
        return delimiter;
    }

    private bool ReadLayoutBool(JsonElement element, string name, SourceFormat format, string subject, string system)
    {
        var value = OptionalBool(element, name, subject, system);
        if (value is null) return true;
        if (format == SourceFormat.JsonLines)
            throw Error(subject, system, $"\"{name}\" does not apply to JSON lines");
        return value.Value;
    }

    private KindMapping ReadKind(JsonElement element, string subject, string system)
    {
        if (element.ValueKind == JsonValueKind.String)
            return new KindMapping(ParseKind(element.GetString()!, subject, system, "\"kind\""), null, [], [], PartyKind.Person);
        if (element.ValueKind != JsonValueKind.Object)
            throw Error(subject, system,
                $"\"kind\" must be \"person\", \"organization\" or an object {{\"column\": ..., \"organization\": [...]}}, not {Describe(element.ValueKind)}");
        CheckNoDuplicateProperties(element, subject, system);
        CheckKnownProperties(element, new HashSet<string>(StringComparer.Ordinal) { "column", "organization", "person", "default" },
            subject, system, "\"kind\"");
        var column = RequiredString(element, "column", subject, system, "\"kind\"");
        var organization = OptionalStringList(element, "organization", subject, system, "\"kind\".organization");
        var person = OptionalStringList(element, "person", subject, system, "\"kind\".person");
        if (organization.Count == 0 && person.Count == 0)
            throw Error(subject, system, "\"kind\" needs \"organization\" (or \"person\") values: the column values that mean an organization");
        var defaultKind = PartyKind.Person;
        var defaultText = OptionalString(element, "default", subject, system);
        if (defaultText is not null) defaultKind = ParseKind(defaultText, subject, system, "\"kind\".default");
        foreach (var value in organization)
        {
            foreach (var p in person)
                if (string.Equals(value, p, StringComparison.OrdinalIgnoreCase))
                    throw Error(subject, system, $"\"kind\" lists '{value}' both as organization and as person");
        }
        return new KindMapping(null, column, organization, person, defaultKind);
    }

    private PartyKind ParseKind(string text, string subject, string system, string what) =>
        text.Trim().ToLowerInvariant() switch
        {
            "person" => PartyKind.Person,
            "organization" or "organisation" => PartyKind.Organization,
            _ => throw Error(subject, system, $"{what} must be \"person\" or \"organization\", not '{text}'"),
        };

    private IReadOnlyDictionary<string, FieldMapping> ReadFields(JsonElement element, string subject, string system)
    {
        if (!element.TryGetProperty("fields", out var fieldsElement))
            throw Error(subject, system, "\"fields\" is missing: map source columns onto canonical fields, e.g. {\"name\": \"客户名称\"}");
        if (fieldsElement.ValueKind != JsonValueKind.Object)
            throw Error(subject, system, $"\"fields\" must be an object (canonical field → column), not {Describe(fieldsElement.ValueKind)}");
        CheckNoDuplicateProperties(fieldsElement, subject, system);

        var fields = new Dictionary<string, FieldMapping>(StringComparer.Ordinal);
        foreach (var property in fieldsElement.EnumerateObject())
        {
            var field = property.Name;
            if (!CanonicalField.IsCanonical(field))
            {
                string? suggestion = null;
                foreach (var known in CanonicalField.All)
                    if (string.Equals(known, field.Trim().Replace('-', '_').Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)) suggestion = known;
                var hint = suggestion is null ? "" : $" (did you mean '{suggestion}'?)";
                throw Error(subject, system,
                    $"unknown canonical field '{field}' in \"fields\"{hint}; the canonical fields are: {string.Join(", ", KnownFieldsInOrder)}");
            }
            fields.Add(field, ReadFieldMapping(property.Value, field, subject, system));
        }
        if (fields.Count == 0)
            throw Error(subject, system, "\"fields\" is empty: map at least one column onto a canonical field");
        return fields;
    }

    private static readonly string[] KnownFieldsInOrder =
    [
        CanonicalField.Name, CanonicalField.GivenName, CanonicalField.FamilyName, CanonicalField.BirthDate, CanonicalField.Gender,
        CanonicalField.NationalId, CanonicalField.Phone, CanonicalField.Email, CanonicalField.Address, CanonicalField.Province,
        CanonicalField.City, CanonicalField.District, CanonicalField.Postcode, CanonicalField.CompanyName, CanonicalField.CreditCode,
    ];

    private FieldMapping ReadFieldMapping(JsonElement value, string field, string subject, string system)
    {
        var what = $"field '{field}'";
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new FieldMapping([RequireString(value, subject, system, what)], null);
            case JsonValueKind.Array:
                return new FieldMapping(ReadColumnList(value, subject, system, what), null);
            case JsonValueKind.Object:
            {
                CheckNoDuplicateProperties(value, subject, system);
                CheckKnownProperties(value, new HashSet<string>(StringComparer.Ordinal) { "column", "columns", "format" }, subject, system, what);
                IReadOnlyList<string> columns;
                var hasColumn = value.TryGetProperty("column", out var columnElement);
                var hasColumns = value.TryGetProperty("columns", out var columnsElement);
                if (hasColumn == hasColumns)
                    throw Error(subject, system, $"{what} needs exactly one of \"column\" or \"columns\"");
                var listElement = hasColumn ? columnElement : columnsElement;
                columns = listElement.ValueKind == JsonValueKind.Array
                    ? ReadColumnList(listElement, subject, system, what)
                    : [RequireString(listElement, subject, system, what)];
                var format = OptionalString(value, "format", subject, system);
                if (format is not null)
                {
                    if (field != CanonicalField.BirthDate)
                        throw Error(subject, system, $"{what} has a \"format\", but only birth_date takes one (a date format such as \"yyyyMMdd\")");
                    CheckDateFormat(format, subject, system, $"the \"format\" of {what}");
                }
                return new FieldMapping(columns, format);
            }
            default:
                throw Error(subject, system,
                    $"{what} must be a column name, a list of column names or {{\"column\": ..., \"format\": ...}}, not {Describe(value.ValueKind)}");
        }
    }

    private IReadOnlyList<string> ReadColumnList(JsonElement array, string subject, string system, string what)
    {
        var columns = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
            columns.Add(RequireString(item, subject, system, $"a column of {what}"));
        if (columns.Count == 0)
            throw Error(subject, system, $"{what} maps an empty list of columns");
        return columns;
    }

    private (string Column, string? Format) ReadColumnWithFormat(JsonElement element, string subject, string system, string what)
    {
        if (element.ValueKind == JsonValueKind.String)
            return (RequireString(element, subject, system, what), null);
        if (element.ValueKind != JsonValueKind.Object)
            throw Error(subject, system, $"{what} must be a column name or {{\"column\": ..., \"format\": ...}}, not {Describe(element.ValueKind)}");
        CheckNoDuplicateProperties(element, subject, system);
        CheckKnownProperties(element, new HashSet<string>(StringComparer.Ordinal) { "column", "format" }, subject, system, what);
        var column = RequiredString(element, "column", subject, system, what);
        var format = OptionalString(element, "format", subject, system);
        if (format is not null) CheckDateFormat(format, subject, system, $"the \"format\" of {what}");
        return (column, format);
    }

    private string ReadCountry(JsonElement element, string subject, string system)
    {
        var text = OptionalString(element, "country", subject, system);
        if (text is null) return Mdm.Engine.Standardization.Identifiers.PhoneNumber.DefaultCountry;
        var code = text.ToUpperInvariant();
        if (code.Length != 2 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiLetter(code[1]))
            throw Error(subject, system, $"\"country\" must be an ISO 3166-1 alpha-2 country code such as \"CN\", \"US\" or \"GB\", not '{text}'");
        if (!Mdm.Engine.Standardization.Identifiers.PhoneNumber.IsSupportedCountry(code))
            throw Error(subject, system, $"\"country\" '{text}' is not an ISO 3166-1 alpha-2 country code with a known phone numbering plan (use e.g. \"CN\", \"US\", \"GB\")");
        return code;
    }

    private DeletedFlag ReadDeleted(JsonElement element, string subject, string system)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Error(subject, system, $"\"deleted\" must be an object {{\"column\": ..., \"values\": [...]}}, not {Describe(element.ValueKind)}");
        CheckNoDuplicateProperties(element, subject, system);
        CheckKnownProperties(element, new HashSet<string>(StringComparer.Ordinal) { "column", "values" }, subject, system, "\"deleted\"");
        var column = RequiredString(element, "column", subject, system, "\"deleted\"");
        var values = OptionalStringList(element, "values", subject, system, "\"deleted\".values");
        if (values.Count == 0)
            throw Error(subject, system, "\"deleted\" needs \"values\": the flag values that mean deleted, e.g. [\"Y\", \"1\"]");
        return new DeletedFlag(column, values);
    }

    private void CheckDateFormat(string format, string subject, string system, string what)
    {
        try
        {
            // Formatting rejects malformed custom formats; a date format without a year cannot identify a date.
            _ = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            if (!format.Contains('y', StringComparison.Ordinal)) throw new FormatException("no year in the format");
        }
        catch (FormatException)
        {
            throw Error(subject, system, $"{what} '{format}' is not a valid date format (use e.g. \"yyyyMMdd\" or \"yyyy-MM-dd\")");
        }
    }

    private void CheckNumberedColumns(IEnumerable<string> columns, string subject, string system)
    {
        foreach (var column in columns)
        {
            if (!int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                throw Error(subject, system,
                    $"\"header\": false, so columns are numbered from 1; '{column}' is not a column number");
        }
    }

    private static IEnumerable<string> ColumnsOf(SourceDefinition source)
    {
        yield return source.Key;
        if (source.KindMapping.Column is { } kindColumn) yield return kindColumn;
        if (source.UpdatedAtColumn is { } updated) yield return updated;
        if (source.DeletedFlag is { } deleted) yield return deleted.Column;
        foreach (var mapping in source.Fields.Values)
            foreach (var column in mapping.Columns)
                yield return column;
    }

    private void CheckKnownProperties(JsonElement element, HashSet<string> known, string subject, string system, string? inside = null)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (known.Contains(property.Name)) continue;
            var where = inside is null ? "" : $" in {inside}";
            throw Error(subject, system,
                $"unknown setting \"{property.Name}\"{where}; the settings are: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }
    }

    private void CheckNoDuplicateProperties(JsonElement element, string? subject, string? system)
    {
        HashSet<string>? seen = null;
        foreach (var property in element.EnumerateObject())
        {
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(property.Name))
                throw Error(subject, system, $"\"{property.Name}\" is given twice");
        }
    }

    private string RequiredString(JsonElement element, string name, string subject, string system, string? inside = null)
    {
        var what = inside is null ? $"\"{name}\"" : $"\"{name}\" of {inside}";
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw Error(subject, system, $"{what} is missing");
        return RequireString(value, subject, system, what);
    }

    private string? OptionalString(JsonElement element, string name, string subject, string system, bool trim = true)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return RequireString(value, subject, system, $"\"{name}\"", trim);
    }

    /// <summary>"retirement": { "max_reject_share": 0.05, "min_share_of_store": 0.5 } (both optional shares from 0 to 1).</summary>
    private Mdm.Engine.Pipeline.RetirementGuard ReadRetirement(JsonElement element, string subject, string system)
    {
        var guard = Mdm.Engine.Pipeline.RetirementGuard.Default;
        if (!element.TryGetProperty("retirement", out var value) || value.ValueKind == JsonValueKind.Null) return guard;
        if (value.ValueKind != JsonValueKind.Object)
            throw Error(subject, system, $"\"retirement\" must be an object such as {{ \"max_reject_share\": 0.05, \"min_share_of_store\": 0.5 }}, not {value.GetRawText()}");
        foreach (var property in value.EnumerateObject())
        {
            var share = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetDouble() : double.NaN;
            if (share is not (>= 0 and <= 1))
                throw Error(subject, system, $"\"retirement\": \"{property.Name}\" must be a share from 0 to 1, not {property.Value.GetRawText()}");
            guard = property.Name switch
            {
                "max_reject_share" => guard with { MaxRejectShare = share },
                "min_share_of_store" => guard with { MinShareOfStore = share },
                _ => throw Error(subject, system, $"\"retirement\": unknown setting \"{property.Name}\"; the settings are: max_reject_share, min_share_of_store"),
            };
        }
        return guard;
    }

    /// <summary>"max_row_bytes": the longest row read; a longer one is a reject, read past without being held in memory.</summary>
    private int ReadMaxRowBytes(JsonElement element, string subject, string system)
    {
        if (!element.TryGetProperty("max_row_bytes", out var value) || value.ValueKind == JsonValueKind.Null)
            return FileSourceDefinition.DefaultMaxRowBytes;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var bytes) ||
            bytes is < FileSourceDefinition.MinMaxRowBytes or > FileSourceDefinition.MaxMaxRowBytes)
            throw Error(subject, system,
                $"\"max_row_bytes\" must be a whole number of bytes from {FileSourceDefinition.MinMaxRowBytes} to {FileSourceDefinition.MaxMaxRowBytes} (128 MiB), not {value.GetRawText()}");
        return bytes;
    }

    private bool? OptionalBool(JsonElement element, string name, string subject, string system)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(subject, system, $"\"{name}\" must be true or false, not {value.GetRawText()}"),
        };
    }

    private IReadOnlyList<string> OptionalStringList(JsonElement element, string name, string subject, string system, string what)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind == JsonValueKind.String) return [RequireString(value, subject, system, what)];
        if (value.ValueKind != JsonValueKind.Array)
            throw Error(subject, system, $"{what} must be a list of strings, not {Describe(value.ValueKind)}");
        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                list.Add(item.GetRawText()); // a flag of 1 or true written without quotes means the text "1" / "true"
            else
                list.Add(RequireString(item, subject, system, $"a value of {what}"));
        }
        return list;
    }

    private string RequireString(JsonElement value, string? subject, string? system, string what, bool trim = true)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw Error(subject, system, $"{what} must be a string, not {Describe(value.ValueKind)}");
        var text = value.GetString()!;
        if (trim) text = text.Trim();
        if (text.Length == 0)
            throw Error(subject, system, $"{what} is empty");
        return text;
    }

    private static string Describe(JsonValueKind kind) => JsonValueKinds.Describe(kind);

    private SourcesFileException Error(string? subject, string? system, string problem) => new(_file, subject, system, problem);
}
