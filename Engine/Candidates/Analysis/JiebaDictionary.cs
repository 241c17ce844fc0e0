using System.Runtime.CompilerServices;
using System.Text;

namespace Mdm.Engine.Candidates.Analysis;

/// <summary>
/// The jieba word list (word → corpus frequency) as a prefix trie, for building the word DAG of a sentence.
/// Immutable once built, so one instance serves any number of threads.
/// </summary>
/// <remarks>
/// The trie is stored breadth-first in flat arrays: the children of node <c>n</c> are the nodes
/// <c>_firstChild[n] .. _firstChild[n + 1] - 1</c>, sorted by label, so a step is a short scan or a binary search.
/// Children of the root are looked up through a direct 64K table because every DAG walk starts there.
/// Each node also stores <c>log(freq / total)</c> as a float; 0 marks a node that is only a prefix (a real word
/// always has freq &lt; total, so its log probability is negative).
/// </remarks>
public sealed class JiebaDictionary
{
    /// <summary>
    /// Manifest name of the embedded dictionary (<c>Engine/Resources/zh/jieba/jieba.dict.txt</c>), with the folder
    /// separators written as dots; the build may emit them as '/' or '\', which the loader accepts too.
    /// </summary>
    public const string ResourceName = "Mdm.Resources.zh.jieba.jieba.dict.txt";

    private const int LinearScanLimit = 8;

    private static readonly Lazy<JiebaDictionary> s_default =
        new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int[] _rootChild;   // char → node id, 0 = no word starts with that char
    private readonly char[] _label;      // node → last char of its prefix
    private readonly int[] _firstChild;  // node → first child id; length nodeCount + 1
    private readonly int[] _frequency;   // node → frequency, 0 = prefix only
    private readonly float[] _logProbability;

    private JiebaDictionary(int[] rootChild, char[] label, int[] firstChild, int[] frequency, float[] logProbability,
        int wordCount, long totalFrequency, int maxWordLength)
    {
        _rootChild = rootChild;
        _label = label;
        _firstChild = firstChild;
        _frequency = frequency;
        _logProbability = logProbability;
        WordCount = wordCount;
        TotalFrequency = totalFrequency;
        MaxWordLength = maxWordLength;
        UnknownWordLogProbability = -Math.Log(totalFrequency);
    }

    /// <summary>The dictionary embedded in Mdm.Engine, loaded on first use (about 0.35 M words).</summary>
    public static JiebaDictionary Default => s_default.Value;

    /// <summary>Number of distinct words.</summary>
    public int WordCount { get; }

    /// <summary>Sum of all word frequencies; probabilities are frequency / total.</summary>
    public long TotalFrequency { get; }

    /// <summary>Length in chars of the longest word.</summary>
    public int MaxWordLength { get; }

    /// <summary>Number of trie nodes (distinct prefixes plus the root); a measure of memory use.</summary>
    public int NodeCount => _label.Length;

    /// <summary>log(1 / total): the score jieba gives a single character that is not in the dictionary.</summary>
    public double UnknownWordLogProbability { get; }

    /// <summary>
    /// Reads a jieba-format word list: one <c>word freq [pos]</c> per line, separated by spaces or tabs.
    /// Blank lines are skipped; a repeated word keeps its last frequency (as jieba does); words with a frequency
    /// of 0 only act as prefixes.
    /// </summary>
    public static JiebaDictionary Load(Stream utf8Lines)
    {
        ArgumentNullException.ThrowIfNull(utf8Lines);
        var builder = new Builder();
        using var reader = new StreamReader(utf8Lines, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            ReadOnlySpan<char> span = line.AsSpan().Trim();
            if (span.IsEmpty)
            {
                continue;
            }
            int space = span.IndexOfAny(' ', '\t');
            if (space <= 0)
            {
                throw new FormatException($"Line {lineNumber}: expected 'word frequency', got '{line}'.");
            }
            ReadOnlySpan<char> rest = span[(space + 1)..].TrimStart();
            int end = rest.IndexOfAny(' ', '\t');
            if (end >= 0)
            {
                rest = rest[..end];
            }
            if (!int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int frequency))
            {
                throw new FormatException($"Line {lineNumber}: frequency '{rest.ToString()}' is not a non-negative integer.");
            }
            builder.Add(span[..space], frequency);
        }
        return builder.Build();
    }

    /// <summary>Builds a dictionary from (word, frequency) pairs; handy for tests and custom vocabularies.</summary>
    public static JiebaDictionary Create(IEnumerable<KeyValuePair<string, int>> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var builder = new Builder();
        foreach (KeyValuePair<string, int> entry in words)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(entry.Value);
            builder.Add(entry.Key, entry.Value);
        }
        return builder.Build();
    }

    private static JiebaDictionary LoadDefault()
    {
        using Stream stream = OpenEmbeddedResource();
        return Load(stream);
    }

    private static Stream OpenEmbeddedResource()
    {
        // Engine.csproj names resources "Mdm.Resources." + %(RecursiveDir), and MSBuild keeps the OS directory
        // separator there ("Mdm.Resources.zh/jieba/jieba.dict.txt" on Linux), so match with separators as dots.
        System.Reflection.Assembly assembly = typeof(JiebaDictionary).Assembly;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (name.Replace('/', '.').Replace('\\', '.') == ResourceName)
            {
                return assembly.GetManifestResourceStream(name)!;
            }
        }
        throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from Mdm.Engine.");
    }

    /// <summary>The frequency of <paramref name="word"/>, or 0 when it is not a word.</summary>
    public int GetFrequency(ReadOnlySpan<char> word)
    {
        int node = Find(word);
        return node > 0 ? _frequency[node] : 0;
    }

    /// <summary>Whether <paramref name="word"/> is a dictionary word (frequency &gt; 0).</summary>
    public bool Contains(ReadOnlySpan<char> word) => GetFrequency(word) > 0;

    private int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return 0;
        }
        int node = RootChild(word[0]);
        for (int i = 1; i < word.Length && node != 0; i++)
        {
            node = Child(node, word[i]);
        }
        return node;
    }

    /// <summary>The node for the one-char prefix <paramref name="c"/>, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int RootChild(char c) => _rootChild[c];

    /// <summary>The child of <paramref name="node"/> labelled <paramref name="c"/>, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Child(int node, char c)
    {
        int lo = _firstChild[node];
        int hi = _firstChild[node + 1];
        char[] label = _label;
        if (hi - lo <= LinearScanLimit)
        {
            for (; lo < hi; lo++)
            {
                if (label[lo] == c)
                {
                    return lo;
                }
            }
            return 0;
        }
        return BinarySearchChild(lo, hi - 1, c);
    }

    private int BinarySearchChild(int lo, int hi, char c)
    {
        char[] label = _label;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            char m = label[mid];
            if (m == c)
            {
                return mid;
            }
            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return 0;
    }

    /// <summary>log(freq / total) of the word ending at <paramref name="node"/>; 0 when the node is only a prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float LogProbability(int node) => _logProbability[node];

    /// <summary>Collects words, then lays them out as a breadth-first trie.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);

        public void Add(ReadOnlySpan<char> word, int frequency)
        {
            if (word.IsEmpty)
            {
                return;
            }
            _words[word.ToString()] = frequency;
        }

        public JiebaDictionary Build()
        {
            string[] words = new string[_words.Count];
            int[] frequencies = new int[_words.Count];
            int n = 0;
            long total = 0;
            int wordCount = 0;
            int maxLength = 0;
            foreach (KeyValuePair<string, int> entry in _words)
            {
                words[n] = entry.Key;
                frequencies[n] = entry.Value;
                n++;
                if (entry.Value > 0)
                {
                    total += entry.Value;
                    wordCount++;
                    maxLength = Math.Max(maxLength, entry.Key.Length);
                }
            }
            // The embedded file is stored in ordinal order (and a Dictionary without removals enumerates in
            // insertion order), so the sort is normally skipped.
            if (!IsOrdinallySorted(words))
            {
                Array.Sort(words, frequencies, StringComparer.Ordinal);
            }
            total = Math.Max(total, 1);
            double logTotal = Math.Log(total);

            // Breadth-first layout: each queued entry is a node plus the range of sorted words sharing its prefix.
            // Every parent's children are allocated contiguously and in parent order, so _firstChild[n + 1]
            // closes the child range of n.
            var label = new List<char>(words.Length * 2) { '\0' };
            var frequency = new List<int>(words.Length * 2) { 0 };
            var firstChild = new List<int>(words.Length * 2);
            var queue = new Queue<(int Lo, int Hi, int Depth)>();
            queue.Enqueue((0, words.Length, 0));
            while (queue.Count > 0)
            {
                (int lo, int hi, int depth) = queue.Dequeue();
                firstChild.Add(label.Count);
                int i = lo;
                while (i < hi)
                {
                    string w = words[i];
                    if (w.Length == depth)
                    {
                        i++; // the node's own word sorts first in its range; its frequency was set when it was created
                        continue;
                    }
                    char c = w[depth];
                    int j = i + 1;
                    while (j < hi && words[j][depth] == c)
                    {
                        j++;
                    }
                    label.Add(c);
                    frequency.Add(words[i].Length == depth + 1 ? frequencies[i] : 0);
                    queue.Enqueue((i, j, depth + 1));
                    i = j;
                }
            }
            firstChild.Add(label.Count);

            int nodeCount = label.Count;
            int[] frequencyArray = frequency.ToArray();
            float[] logProbability = new float[nodeCount];
            for (int node = 1; node < nodeCount; node++)
            {
                if (frequencyArray[node] > 0)
                {
                    // Clamp away from 0 so a word can never look like "prefix only" (only possible with one word).
                    logProbability[node] = (float)Math.Min(Math.Log(frequencyArray[node]) - logTotal, -1e-6);
                }
            }

            int[] firstChildArray = firstChild.ToArray();
            char[] labelArray = label.ToArray();
            int[] rootChild = new int[char.MaxValue + 1];
            for (int node = firstChildArray[0]; node < firstChildArray[1]; node++)
            {
                rootChild[labelArray[node]] = node;
            }
            return new JiebaDictionary(rootChild, labelArray, firstChildArray, frequencyArray, logProbability,
                wordCount, total, maxLength);
        }

        private static bool IsOrdinallySorted(string[] words)
        {
            for (int i = 1; i < words.Length; i++)
            {
                if (string.CompareOrdinal(words[i - 1], words[i]) >= 0)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
