using System.Text.RegularExpressions;
using Mdm.Engine.Search;

namespace Mdm.Api.Http;

/// <summary>
/// What an agent typed in the one search box, told apart the way an agent would: a golden ID (G and digits), an ID
/// number (15 or 18 characters of digits with a final X, or an 18-character credit code), a phone (mostly digits, in any
/// format), else a name — and, if no name matches, an address.
/// </summary>
public static partial class CallerQuery
{
    public enum Kind { GoldenId, IdNumber, Phone, Text }

    public static Kind Classify(string text)
    {
        var t = text.Trim();
        if (GoldenIdPattern().IsMatch(t)) return Kind.GoldenId;
        var compact = t.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (IdNumberPattern().IsMatch(compact) || CreditCodePattern().IsMatch(compact)) return Kind.IdNumber;
        var digits = t.Count(char.IsAsciiDigit);
        if (digits >= 5 && t.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.')) return Kind.Phone;
        return Kind.Text;
    }

    public static IReadOnlyList<CustomerHit> Search(CustomerSearchIndex index, string text, string? city, int size)
    {
        switch (Classify(text))
        {
            case Kind.IdNumber: return index.Search(new CustomerQuery { IdNumber = text, PageSize = size });
            case Kind.Phone: return index.Search(new CustomerQuery { Phone = text, PageSize = size });
        }
        var byName = index.Search(new CustomerQuery { Name = text, City = city, PageSize = size });
        if (byName.Count >= size) return byName;
        var seen = byName.Select(h => h.GoldenId).ToHashSet(StringComparer.Ordinal);
        var byAddress = index.Search(new CustomerQuery { Address = text, City = city, PageSize = size });
        return byName.Concat(byAddress.Where(h => seen.Add(h.GoldenId))).Take(size).ToList();
    }

    [GeneratedRegex(@"^[Gg]\d{6,}$")]
    private static partial Regex GoldenIdPattern();

    [GeneratedRegex(@"^(\d{15}|\d{17}[\dXx])$")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{2}\d{6}[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{10}$")]
    private static partial Regex CreditCodePattern();
}
