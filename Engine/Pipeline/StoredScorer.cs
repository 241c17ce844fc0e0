using System.Text.Json;
using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>The scorer a store's last resolution used: its trained models and its term-frequency snapshot.</summary>
public static class StoredScorer
{
    internal const string TermFrequencyBlob = "term_frequencies";

    internal static IEnumerable<Standardization.Feature> TermFrequencyFeatures() =>
        [Standardization.Feature.Name, Standardization.Feature.CompanyCore, Standardization.Feature.Phones];

    /// <summary>
    /// The scorer and the term frequencies it weighs with, or null (with the reason) when the store has no resolution or
    /// its model was trained for another matching configuration.
    /// </summary>
    public static (PairScorer Scorer, TermFrequencies TermFrequencies)? Load(IRunStore store, MatchingConfiguration matching, out string whyNot)
    {
        var modelJson = store.LoadModel();
        var tfBytes = store.LoadBlob(TermFrequencyBlob);
        whyNot = "it has not been resolved yet: run 'mdm load' first";
        if (modelJson is null || tfBytes is null) return null;
        whyNot = "its matching model was trained for another matching configuration: run 'mdm load --retrain'";
        try
        {
            var tf = TermFrequencies.Deserialize(tfBytes, TermFrequencyFeatures());
            var scorer = new PairScorer(matching, tf);
            foreach (var m in JsonSerializer.Deserialize<List<FellegiSunterModel>>(modelJson, ModelJson.Options)!) scorer.SetModel(m);
            if (scorer.ModelFor(PartyKind.Person) is null || scorer.ModelFor(PartyKind.Organization) is null) return null;
            whyNot = "";
            return (scorer, tf);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or InvalidDataException or FormatException or EndOfStreamException)
        {
            return null; // the matching configuration changed since: a full resolution retrains
        }
    }
}
