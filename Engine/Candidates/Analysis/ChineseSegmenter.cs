using System.Buffers;

namespace Mdm.Engine.Candidates.Analysis;

/// <summary>
/// Jieba-style Chinese word segmentation without the HMM: every run of Han characters is split along the most
/// probable path through the DAG of dictionary words (maximum sum of log word probabilities, computed right to
/// left as in jieba's <c>calc</c>); runs of letters and runs of digits become their own tokens; everything else
/// (spaces, punctuation, symbols) only separates. Stateless, so one instance can be shared by all threads.
/// </summary>
/// <remarks>
/// Letters and digits are split from each other (<c>B座1201室</c> and <c>B1201</c> both yield <c>b</c>, <c>1201</c>),
/// which helps matching addresses written with and without the unit words. Unknown Han characters become single
/// character words, as in jieba. A supplementary-plane ideograph (surrogate pair) is always one word.
/// </remarks>
public sealed class ChineseSegmenter
{
    /// <summary>Letter and digit runs longer than this are cut into pieces of this length (Lucene's usual limit).</summary>
    public const int MaxTokenLength = 255;

    // Runs up to this length keep the DP arrays on the stack; longer ones rent from the shared pools.
    private const int StackRunLimit = 256;

    private static readonly Lazy<ChineseSegmenter> s_default =
        new(() => new ChineseSegmenter(JiebaDictionary.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaDictionary _dictionary;

    /// <summary>Creates a segmenter over <paramref name="dictionary"/>.</summary>
    public ChineseSegmenter(JiebaDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        _dictionary = dictionary;
    }

    /// <summary>A segmenter over <see cref="JiebaDictionary.Default"/>.</summary>
    public static ChineseSegmenter Default => s_default.Value;

    /// <summary>The word list this segmenter uses.</summary>
    public JiebaDictionary Dictionary => _dictionary;

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/> in text order.
    /// Offsets are relative to <paramref name="text"/>.
    /// </summary>
    public void Segment(ReadOnlySpan<char> text, List<ChineseToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int i = 0;
        while (i < text.Length)
        {
            CharClass kind = CharFolding.Classify(text, i);
            if (kind == CharClass.Separator)
            {
                i++;
                continue;
            }
            int start = i;
            i++;
            if (kind == CharClass.Han)
            {
                while (i < text.Length && CharFolding.Classify(text, i) == CharClass.Han)
                {
                    i++;
                }
                SegmentHanRun(text, start, i - start, tokens);
                continue;
            }
            var tokenKind = kind == CharClass.Digit ? ChineseTokenKind.Num : ChineseTokenKind.Alphanum;
            while (i < text.Length && CharFolding.Classify(text, i) == kind)
            {
                if (i - start == MaxTokenLength)
                {
                    tokens.Add(new ChineseToken(start, i - start, tokenKind));
                    start = i;
                }
                i++;
            }
            tokens.Add(new ChineseToken(start, i - start, tokenKind));
        }
    }

    /// <summary>Segments <paramref name="text"/> and returns the terms (allocates; for diagnostics and tests).</summary>
    public string[] Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<ChineseToken>();
        Segment(text, tokens);
        string[] terms = new string[tokens.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = tokens[i].GetTerm(text);
        }
        return terms;
    }

    private void SegmentHanRun(ReadOnlySpan<char> text, int start, int length, List<ChineseToken> tokens)
    {
        if (length == 1)
        {
            tokens.Add(new ChineseToken(start, 1, ChineseTokenKind.Word));
            return;
        }
        double[]? rentedScores = null;
        int[]? rentedLengths = null;
        Span<double> score = length < StackRunLimit
            ? stackalloc double[length + 1]
            : (rentedScores = ArrayPool<double>.Shared.Rent(length + 1));
        Span<int> wordLength = length < StackRunLimit
            ? stackalloc int[length + 1]
            : (rentedLengths = ArrayPool<int>.Shared.Rent(length + 1));
        try
        {
            FindBestPath(text.Slice(start, length), score, wordLength);
            for (int k = 0; k < length; k += wordLength[k])
            {
                tokens.Add(new ChineseToken(start + k, wordLength[k], ChineseTokenKind.Word));
            }
        }
        finally
        {
            if (rentedScores is not null)
            {
                ArrayPool<double>.Shared.Return(rentedScores);
            }
            if (rentedLengths is not null)
            {
                ArrayPool<int>.Shared.Return(rentedLengths);
            }
        }
    }

    /// <summary>
    /// jieba's <c>calc</c>: <c>score[k]</c> is the best log probability of <c>run[k..]</c> and
    /// <c>wordLength[k]</c> the length of the first word on that path. The DAG is walked on the fly through the
    /// trie instead of being materialised.
    /// </summary>
    private void FindBestPath(ReadOnlySpan<char> run, Span<double> score, Span<int> wordLength)
    {
        JiebaDictionary dictionary = _dictionary;
        double unknown = dictionary.UnknownWordLogProbability;
        int n = run.Length;
        score[n] = 0;
        for (int k = n - 1; k >= 0; k--)
        {
            char c = run[k];
            if (char.IsSurrogate(c))
            {
                // The run only holds whole supplementary ideographs; the dictionary has none, so a pair is an
                // unknown word. A low surrogate's entry is never reached because its pair jumps over it.
                int pair = char.IsHighSurrogate(c) && k + 1 < n ? 2 : 1;
                score[k] = unknown + score[k + pair];
                wordLength[k] = pair;
                continue;
            }
            double best = double.NegativeInfinity;
            int bestLength = 0;
            int node = dictionary.RootChild(c);
            int j = k;
            while (node != 0)
            {
                float logProbability = dictionary.LogProbability(node);
                if (logProbability != 0)
                {
                    double candidate = logProbability + score[j + 1];
                    // '>=': on a tie jieba's max((score, end)) prefers the longer word.
                    if (candidate >= best)
                    {
                        best = candidate;
                        bestLength = j - k + 1;
                    }
                }
                if (++j == n)
                {
                    break;
                }
                node = dictionary.Child(node, run[j]);
            }
            if (bestLength == 0)
            {
                // Like jieba: a char that starts no word is a word on its own, with frequency 1.
                best = unknown + score[k + 1];
                bestLength = 1;
            }
            score[k] = best;
            wordLength[k] = bestLength;
        }
    }
}
