using System.Text.Json;
using System.Text.Json.Serialization;
using Mdm.Engine.Records;

namespace Mdm.Engine.Scoring;

/// <summary>
/// Matching configured as data, in the spirit of Splink's comparison library and Duke's properties: which features are
/// compared, with which comparator, at which levels, and how candidate pairs are found. The default ships embedded
/// (Resources/matching/default.json); a sources file can point at its own.
/// </summary>
public sealed class MatchingConfiguration
{
    /// <summary>Match probability at or above which a pair is linked automatically.</summary>
    public double LinkThreshold { get; set; } = 0.95;

    /// <summary>
    /// Link threshold for a pair whose records already share a golden ID: golden IDs are a contract, so an existing link
    /// holds until its score falls clearly, not when it wobbles around <see cref="LinkThreshold"/>.
    /// </summary>
    public double StickyLinkThreshold { get; set; } = 0.8;

    /// <summary>Match probability at or above which a pair that is not linked goes to a steward for review.</summary>
    public double ReviewThreshold { get; set; } = 0.5;

    /// <summary>Pairs below this probability are remembered as evidence against merging their clusters.</summary>
    public double CannotLinkThreshold { get; set; } = 0.001;

    /// <summary>
    /// Two clusters of two or more records merge only if at least this share of the smaller one's records link into the
    /// larger one: a single link must not chain two tight clusters together.
    /// </summary>
    public double ClusterLinkShare { get; set; } = 0.5;

    /// <summary>Most random pairs drawn per kind to estimate u probabilities (200 a record up to this, at least 400,000).</summary>
    public int USampleSize { get; set; } = 4_000_000;

    public int EmMaxIterations { get; set; } = 40;

    public double EmTolerance { get; set; } = 1e-5;

    /// <summary>
    /// Random (non-match) pairs join the candidate pairs in EM with this many times the candidates' mass: they anchor the
    /// non-match side when blocking is so tight that candidates are nearly all matches.
    /// </summary>
    public double EmRandomPairRatio { get; set; } = 200;

    /// <summary>
    /// Comparisons whose exact agreement marks a near-certain match (same valid ID card, credit code, e-mail): candidate
    /// pairs anchored by one of them give each other comparison its starting m for EM.
    /// </summary>
    public List<string> EmAnchors { get; set; } = ["national_id", "credit_code", "email"];

    /// <summary>Weight, in pairs, of the configured starting m probabilities as a prior in EM (0 = plain maximum likelihood).</summary>
    public double EmPriorStrength { get; set; } = 500;

    /// <summary>
    /// A configured cap is not applied when at least this share of anchored matches (candidate pairs sharing a strong
    /// identifier, see <see cref="EmAnchors"/>) lands on its level: the data shows the level happens to one customer's
    /// records, so it cannot rule a match out.
    /// </summary>
    public double CapLiftShare { get; set; } = 0.01;

    /// <summary>Anchored pairs (with a value for the comparison) needed before the data may overrule a configured cap.</summary>
    public int CapLiftMinimumPairs { get; set; } = 30;

    /// <summary>Upper bound on the term-frequency adjustment (bits) a rare value adds to an exact agreement.</summary>
    public double TermFrequencyMaxBoost { get; set; } = 3.0;

    /// <summary>Lower bound (bits, negative) a very common value takes off an exact agreement.</summary>
    public double TermFrequencyMaxPenalty { get; set; } = -6.0;

    public List<ComparisonDefinition> Comparisons { get; set; } = [];

    public List<BlockingRuleDefinition> Blocking { get; set; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static MatchingConfiguration Parse(string json, string origin)
    {
        MatchingConfiguration? config;
        try
        {
            config = JsonSerializer.Deserialize<MatchingConfiguration>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{origin}: invalid matching configuration: {ex.Message}", ex);
        }
        if (config is null || config.Comparisons.Count == 0)
            throw new FormatException($"{origin}: matching configuration has no comparisons");
        if (!(config.ReviewThreshold <= config.LinkThreshold))
            throw new FormatException($"{origin}: reviewThreshold must not exceed linkThreshold");
        return config;
    }

    public static MatchingConfiguration Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The configuration shipped with Mdm.</summary>
    public static MatchingConfiguration Default() =>
        Parse(EmbeddedResource.ReadText("matching/default.json"), "embedded matching/default.json");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>One comparison: an ordered list of levels, the first that holds is the outcome; none holds → "else".</summary>
public sealed class ComparisonDefinition
{
    public string Name { get; set; } = "";

    /// <summary>Which kind of party it applies to; null → both.</summary>
    public PartyKind? Kind { get; set; }

    /// <summary>Features whose absence (on either side) makes the comparison "null": no evidence either way.</summary>
    public List<string> NullWhenMissing { get; set; } = [];

    /// <summary>Feature whose value frequency adjusts the weight of an exact agreement on it (common names weigh less).</summary>
    public string? TermFrequency { get; set; }

    public List<LevelDefinition> Levels { get; set; } = [];

    /// <summary>
    /// Highest match probability a pair may have when this comparison lands on "else": two different valid ID cards are
    /// two people whatever else agrees (a business rule over the model, like a hub's identifier conflict). Null: no cap.
    /// </summary>
    public double? DisagreementCap { get; set; }

    /// <summary>
    /// Alternatives (any one suffices) under which this comparison's caps do not apply: a name conflict caps a pair at
    /// review, unless the ID card agrees, or the birth date and the street agree (a nickname, a typo in the family name, a
    /// given name left out). Empty: the caps always apply.
    /// </summary>
    public List<CapWaiverDefinition> CapWaivedWhen { get; set; } = [];
}

/// <summary>
/// One alternative of <see cref="ComparisonDefinition.CapWaivedWhen"/>: another comparison landed on one of these levels,
/// or, with <see cref="All"/>, several such conditions hold together.
/// </summary>
public sealed class CapWaiverDefinition
{
    /// <summary>Name of another comparison of the same kind.</summary>
    public string Comparison { get; set; } = "";

    /// <summary>Labels of its levels that count.</summary>
    public List<string> Levels { get; set; } = [];

    /// <summary>Conditions that must all hold (instead of <see cref="Comparison"/> and <see cref="Levels"/>).</summary>
    public List<CapWaiverDefinition>? All { get; set; }

    /// <summary>The single conditions of this alternative.</summary>
    public IEnumerable<CapWaiverDefinition> Conditions() => All is { Count: > 0 } all ? all : [this];
}

/// <summary>A comparison level: a label and one or more conditions that must all hold.</summary>
public sealed class LevelDefinition
{
    public string Label { get; set; } = "";
    public string? Test { get; set; }
    public string? Field { get; set; }
    public double? Threshold { get; set; }
    public List<ConditionDefinition>? All { get; set; }

    /// <summary>Starting m probability for EM (optional).</summary>
    public double? M { get; set; }

    /// <summary>
    /// Fixed u probability, used instead of the random-pair estimate (as Splink lets one fix u). For agreement on a
    /// unique identifier (a valid ID card) no sample of random pairs is large enough to see two people share it, so the
    /// estimate is only 1/sample size; the rate at which a valid identifier is wrongly someone else's is far lower.
    /// </summary>
    public double? U { get; set; }

    /// <summary>
    /// Highest match probability a pair may have when this level is the outcome (e.g. birth dates decades apart: a
    /// father and a son, whatever else agrees). Null: no cap.
    /// </summary>
    public double? Cap { get; set; }

    public IEnumerable<ConditionDefinition> Conditions()
    {
        if (Test is not null) yield return new ConditionDefinition { Test = Test, Field = Field ?? "", Threshold = Threshold };
        if (All is not null) foreach (var c in All) yield return c;
    }
}

public sealed class ConditionDefinition
{
    public string Test { get; set; } = "";
    public string Field { get; set; } = "";
    public double? Threshold { get; set; }
}

/// <summary>
/// A blocking rule: records that share the value of all its features (one key per value of a multi-valued feature)
/// become candidate pairs, unless the block is larger than <see cref="MaxBlockSize"/> (a call-center number shared by
/// hundreds of records is no evidence and would cost a quadratic number of pairs).
/// </summary>
public sealed class BlockingRuleDefinition
{
    public string Name { get; set; } = "";
    public PartyKind? Kind { get; set; }
    public List<string> Features { get; set; } = [];
    public int MaxBlockSize { get; set; } = 50;

    /// <summary>
    /// "one_deletion": besides the value itself, every form of it with one character left out is a key, so values one
    /// typo apart (a digit replaced, two swapped, one added or dropped) share a block. For a single identifier feature.
    /// </summary>
    public string? Variants { get; set; }
}
