using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Mdm.Tests.Search.Analysis;

/// <summary>
/// Token-stream assertions in the style of Lucene's BaseTokenStreamTestCase: the stream is consumed exactly as
/// the indexer does (Reset, IncrementToken until false, End, Dispose), attributes are poisoned before every
/// IncrementToken so a missing ClearAttributes shows up, and offsets and increments are sanity-checked.
/// </summary>
internal static class AnalysisAssert
{
    private const string BogusTerm = "bogusTerm";
    private const string BogusType = "bogusType";
    private const int BogusStart = 14584724;
    private const int BogusEnd = 24683243;
    private const int BogusIncrement = 45987657;

    public static void AssertAnalyzesTo(Analyzer a, string input, string[] expectedTerms, int[]? startOffsets = null,
        int[]? endOffsets = null, string[]? types = null, int[]? posIncrements = null, int? finalOffset = null)
    {
        TokenStream stream = a.GetTokenStream("field", input);
        AssertTokenStreamContents(stream, input, expectedTerms, startOffsets, endOffsets, types, posIncrements,
            finalOffset ?? input.Length);
    }

    /// <summary>Consumes <paramref name="stream"/> (not yet reset) and checks every token.</summary>
    public static void AssertTokenStreamContents(TokenStream stream, string input, string[] expectedTerms,
        int[]? startOffsets = null, int[]? endOffsets = null, string[]? types = null, int[]? posIncrements = null,
        int? finalOffset = null)
    {
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        IOffsetAttribute offset = stream.AddAttribute<IOffsetAttribute>();
        ITypeAttribute type = stream.AddAttribute<ITypeAttribute>();
        IPositionIncrementAttribute increment = stream.AddAttribute<IPositionIncrementAttribute>();

        var actualTerms = new List<string>();
        var actualStarts = new List<int>();
        var actualEnds = new List<int>();
        var actualTypes = new List<string>();
        var actualIncrements = new List<int>();
        try
        {
            stream.Reset();
            while (true)
            {
                term.SetEmpty().Append(BogusTerm);
                offset.SetOffset(BogusStart, BogusEnd);
                type.Type = BogusType;
                increment.PositionIncrement = BogusIncrement;
                if (!stream.IncrementToken())
                {
                    break;
                }
                actualTerms.Add(term.ToString());
                actualStarts.Add(offset.StartOffset);
                actualEnds.Add(offset.EndOffset);
                actualTypes.Add(type.Type);
                actualIncrements.Add(increment.PositionIncrement);
            }
            stream.End();
            if (finalOffset is { } expectedFinal)
            {
                Assert.That(offset.EndOffset, Is.EqualTo(expectedFinal), "final offset after End()");
            }
        }
        finally
        {
            stream.Dispose();
        }

        string context = $"input '{input}', tokens [{string.Join(", ", actualTerms)}]";
        Assert.That(actualTerms, Is.EqualTo(expectedTerms), $"terms of {context}");
        for (int i = 0; i < actualTerms.Count; i++)
        {
            Assert.That(actualStarts[i], Is.InRange(0, actualEnds[i]), $"start offset of token {i} of {context}");
            Assert.That(actualEnds[i], Is.LessThanOrEqualTo(input.Length), $"end offset of token {i} of {context}");
            Assert.That(actualIncrements[i], Is.InRange(i == 0 ? 1 : 0, 1000), $"position increment of token {i} of {context}");
            Assert.That(actualTypes[i], Is.Not.EqualTo(BogusType), $"type of token {i} of {context} was not set");
        }
        if (startOffsets is not null)
        {
            Assert.That(actualStarts, Is.EqualTo(startOffsets), $"start offsets of {context}");
        }
        if (endOffsets is not null)
        {
            Assert.That(actualEnds, Is.EqualTo(endOffsets), $"end offsets of {context}");
        }
        if (types is not null)
        {
            Assert.That(actualTypes, Is.EqualTo(types), $"types of {context}");
        }
        if (posIncrements is not null)
        {
            Assert.That(actualIncrements, Is.EqualTo(posIncrements), $"position increments of {context}");
        }
    }

    /// <summary>The terms <paramref name="a"/> produces for <paramref name="input"/>, in order.</summary>
    public static List<string> Terms(Analyzer a, string input)
    {
        var terms = new List<string>();
        using TokenStream stream = a.GetTokenStream("field", input);
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }
}
