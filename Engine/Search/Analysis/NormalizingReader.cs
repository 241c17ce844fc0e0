namespace Mdm.Engine.Search.Analysis;

/// <summary>
/// The char-filter step of the search analyzers: reads the whole (short) field and hands the tokenizer its
/// <see cref="SearchText.Normalize"/>d form. Offsets shift where folding shortens text; the index stores no offsets.
/// </summary>
internal static class NormalizingReader
{
    public static TextReader Wrap(TextReader reader) => new StringReader(SearchText.Normalize(reader.ReadToEnd()));
}
