using System.Text;
using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Candidates;

/// <summary>
/// Turns the configured blocking rules into index terms. A term is "RR" (rule number) followed by a 64-bit hash of the
/// kind and the rule's feature values (11 base-64 characters): persons and organizations never share a block, each
/// block knows its rule's size cap, and terms stay short whatever the values (a Chinese address is 40+ UTF-8 bytes),
/// which halves the index's flush and term-walk time. <see cref="Describe"/> gives the readable form.
/// </summary>
public sealed class BlockingKeyBuilder
{
    private readonly Rule[] _rules;

    public BlockingKeyBuilder(MatchingConfiguration configuration)
    {
        if (configuration.Blocking.Count > 99) throw new FormatException("at most 99 blocking rules");
        _rules = new Rule[configuration.Blocking.Count];
        for (var i = 0; i < _rules.Length; i++)
        {
            var def = configuration.Blocking[i];
            if (def.Features.Count == 0) throw new FormatException($"blocking rule '{def.Name}' names no feature");
            Feature[] features;
            try { features = def.Features.Select(FeatureNames.Parse).ToArray(); }
            catch (FormatException ex) { throw new FormatException($"blocking rule '{def.Name}': {ex.Message}", ex); }
            var multi = Array.FindIndex(features, f => f.IsMultiValued());
            var deletions = def.Variants switch
            {
                null => false,
                "one_deletion" => true,
                _ => throw new FormatException($"blocking rule '{def.Name}': unknown variants '{def.Variants}' (one_deletion)"),
            };
            if (deletions && (features.Length != 1 || multi >= 0))
                throw new FormatException($"blocking rule '{def.Name}': variants need exactly one single-valued feature");
            _rules[i] = new Rule(def.Name, def.Kind, features, deletions ? 0 : multi, Math.Max(2, def.MaxBlockSize), deletions);
        }
    }

    public int RuleCount => _rules.Length;

    public string RuleName(int rule) => _rules[rule].Name;

    public int MaxBlockSize(int rule) => _rules[rule].MaxBlockSize;

    /// <summary>Rule number encoded at the start of a term.</summary>
    public static int RuleOf(ReadOnlySpan<byte> termUtf8) => (termUtf8[0] - '0') * 10 + (termUtf8[1] - '0');

    /// <summary>Adds the record's blocking terms to <paramref name="keys"/>.</summary>
    public void AddKeys(StandardizedRecord record, List<string> keys, StringBuilder? scratch = null) =>
        ForEachKey(record, scratch ?? new StringBuilder(64), keys, static (list, rule, hash) => list.Add(Term(rule, hash)));

    /// <summary>
    /// The record's blocking keys as (rule, 64-bit hash): the same keys as <see cref="AddKeys"/> (a term is the rule number
    /// and the hash in base 64, so equal terms are equal pairs), without making a string per key. Batch blocking groups these.
    /// </summary>
    public void AddKeyHashes(StandardizedRecord record, List<(int Rule, ulong Hash)> keys, StringBuilder scratch) =>
        ForEachKey(record, scratch, keys, static (list, rule, hash) => list.Add((rule, hash)));

    private void ForEachKey<T>(StandardizedRecord record, StringBuilder sb, T state, Action<T, int, ulong> emit)
    {
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            if (rule.Kind is { } k && k != record.Kind) continue;
            var complete = true;
            foreach (var f in rule.Features)
            {
                if (record[f] is null) { complete = false; break; }
            }
            if (!complete) continue;
            if (rule.MultiValuedIndex < 0)
            {
                emit(state, r, Hash(sb, r, record, rule, null));
                continue;
            }
            foreach (var value in Values(record, rule)) emit(state, r, Hash(sb, r, record, rule, value));
        }
    }

    /// <summary>The values of a rule's multi-valued feature, or a value and its one-deletion variants.</summary>
    private static IEnumerable<string> Values(StandardizedRecord record, Rule rule)
    {
        var raw = record[rule.Features[rule.MultiValuedIndex]]!;
        if (!rule.OneDeletion) return raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var variants = new List<string>(raw.Length + 1) { raw };
        // Leaving out either of two equal neighbours gives the same form: once is enough.
        for (var i = 0; i < raw.Length; i++)
            if (i == 0 || raw[i] != raw[i - 1]) variants.Add(raw.Remove(i, 1));
        return variants;
    }

    private static ulong Hash(StringBuilder sb, int ruleNumber, StandardizedRecord record, Rule rule, string? multiValue)
    {
        Describe(sb, ruleNumber, record, rule, multiValue);
        var text = sb.Length <= 256 ? stackalloc char[sb.Length] : new char[sb.Length];
        sb.CopyTo(0, text, sb.Length);
        return System.IO.Hashing.XxHash64.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text));
    }

    /// <summary>The index term of a key: two digits of rule number, then the hash's 8 bytes in base 64 (11 characters).</summary>
    private static string Term(int ruleNumber, ulong hash)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, hash);
        Span<char> term = stackalloc char[13];
        term[0] = (char)('0' + ruleNumber / 10);
        term[1] = (char)('0' + ruleNumber % 10);
        System.Buffers.Text.Base64Url.EncodeToChars(bytes, term[2..]);
        return new string(term);
    }

    private static void Describe(StringBuilder sb, int ruleNumber, StandardizedRecord record, Rule rule, string? multiValue)
    {
        sb.Clear();
        sb.Append((char)('0' + ruleNumber / 10)).Append((char)('0' + ruleNumber % 10));
        sb.Append(record.Kind == PartyKind.Person ? 'p' : 'o');
        for (var i = 0; i < rule.Features.Length; i++)
        {
            sb.Append('|');
            sb.Append(i == rule.MultiValuedIndex ? multiValue : record[rule.Features[i]]);
        }
    }

    /// <summary>The readable keys behind a record's terms ("06p|wei zhang|4403"), for explanations and debugging.</summary>
    public IReadOnlyList<string> Describe(StandardizedRecord record)
    {
        var result = new List<string>();
        var sb = new StringBuilder(64);
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            if (rule.Kind is { } k && k != record.Kind) continue;
            var complete = true;
            foreach (var f in rule.Features) if (record[f] is null) { complete = false; break; }
            if (!complete) continue;
            if (rule.MultiValuedIndex < 0) { Describe(sb, r, record, rule, null); result.Add(sb.ToString()); continue; }
            foreach (var v in Values(record, rule))
            {
                Describe(sb, r, record, rule, v);
                result.Add(sb.ToString());
            }
        }
        return result;
    }

    private sealed record Rule(string Name, PartyKind? Kind, Feature[] Features, int MultiValuedIndex, int MaxBlockSize, bool OneDeletion = false);
}
