using Mdm.Engine.Standardization.Text;

namespace Mdm.Engine.Search;

/// <summary>
/// The normalization every searched text goes through, on both sides (documents and queries): the project's own folding
/// (full-width → half-width, spaces, compatibility ideographs), Traditional → Simplified (OpenCC), lower case. So
/// 張偉 meets 张伟 and １２号 meets 12号 before any tokenizer sees them.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? value)
    {
        var folded = TextNormalizer.Fold(value);
        if (folded.Length == 0) return folded;
        return ChineseScript.Default.ToSimplified(folded).ToLowerInvariant();
    }
}
