using System.Text.Json;
using Mdm.Api.Http.Contracts;
using Mdm.Api.Http.Reading;
using Mdm.Api.Http.Security;
using Mdm.Engine.Records;

namespace Mdm.Api.Http;

/// <summary>Builds what the API shows of a golden customer from the store's rows, masked for the roles that see masks.</summary>
public sealed class CustomerViews(HubReader reader)
{
    /// <summary>How many of a customer's latest transactions the view carries.</summary>
    public const int LastTransactions = 10;

    /// <summary>The customer an ID stands for now (following merges), or null when there is no such golden ID.</summary>
    public CustomerView? Find(string goldenId, bool masked, bool withRecords = true, bool withLineage = false)
    {
        if (reader.Customer(goldenId, withRecords, LastTransactions) is not { } rows) return null;
        var v = rows.Value;
        return Build(rows.Golden, masked, rows.Members, withLineage) with
        {
            RequestedId = rows.CurrentId == goldenId ? null : goldenId,
            Value = v is null ? null : new CustomerValueView(v.LifetimeCents / 100m, v.RecentCents / 100m, v.TransactionCount, v.FirstTransaction, v.LastTransaction, v.Tier),
            Transactions = rows.Transactions?.Select(t => new TransactionView(t.System, t.Key, t.AmountCents / 100m, t.Date)).ToList(),
        };
    }

    public CustomerView Build(GoldenRow row, bool masked, IReadOnlyList<MemberRow>? members, bool withLineage = false) => new(
        row.GoldenId,
        ((PartyKind)row.Kind).ToString().ToLowerInvariant(),
        Fields(row.Fields, masked),
        row.Systems.Split(',', StringSplitOptions.RemoveEmptyEntries),
        members?.Select(m => Record(m, masked)).ToList() ?? [],
        Lineage: withLineage ? JsonDocument.Parse(row.Lineage).RootElement.Clone() : null);

    public static SourceRecordView Record(MemberRow m, bool masked) => new(m.System, m.Key, Fields(m.Fields, masked), m.UpdatedAt);

    /// <summary>The name a person reads: the full name, else given and family name (sources that split them), else the company name.</summary>
    public static string? DisplayName(IReadOnlyDictionary<string, string?> fields)
    {
        if (fields.GetValueOrDefault("name") is { Length: > 0 } name) return name;
        var parts = new[] { fields.GetValueOrDefault("given_name"), fields.GetValueOrDefault("family_name") }.Where(p => !string.IsNullOrEmpty(p));
        var joined = string.Join(' ', parts);
        return joined.Length > 0 ? joined : fields.GetValueOrDefault("company_name");
    }

    /// <summary>A stored fields object (flat: field → text) as a dictionary, masked when asked.</summary>
    public static Dictionary<string, string?> Fields(string json, bool masked)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        if (masked)
            foreach (var key in fields.Keys.ToList()) fields[key] = Masking.Field(key, fields[key]);
        return fields;
    }
}
