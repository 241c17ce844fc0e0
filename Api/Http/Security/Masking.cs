namespace Mdm.Api.Http.Security;

/// <summary>
/// What an agent may see of an identifier: enough to confirm it with the caller ("the number ending 1234"), not enough to
/// copy it. ID numbers keep their first 4 and last 4 characters (4401**********1234), phones their first 3 digits after
/// the country code and last 4, e-mail addresses their first letter and domain.
/// </summary>
public static class Masking
{
    /// <summary>Canonical fields an agent sees masked.</summary>
    public static readonly IReadOnlySet<string> MaskedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "national_id", "credit_code", "phone", "phones", "email",
    };

    public static string? Field(string field, string? value) =>
        value is null || !MaskedFields.Contains(field) ? value
        : field switch
        {
            "phone" or "phones" => Phones(value),
            "email" => Email(value),
            _ => Identifier(value),
        };

    public static string Identifier(string value)
    {
        var v = value.Trim();
        if (v.Length <= 8) return new string('*', v.Length);
        return string.Concat(v.AsSpan(0, 4), new string('*', v.Length - 8), v.AsSpan(v.Length - 4));
    }

    /// <summary>Every number in a list ("+8613800138000 +8675512345678", "0755-1234 5678; 138…").</summary>
    public static string Phones(string value)
    {
        var chars = value.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (!IsPhoneChar(chars[i])) { i++; continue; }
            var start = i;
            while (i < chars.Length && (IsPhoneChar(chars[i]) || chars[i] is ' ' or '-' or '(' or ')') && !(chars[i] == ' ' && i + 1 < chars.Length && chars[i + 1] == '+'))
                i++;
            MaskDigits(chars, start, i);
        }
        return new string(chars);
    }

    private static bool IsPhoneChar(char c) => char.IsAsciiDigit(c) || c == '+';

    /// <summary>Keeps the country code (after '+', up to 2 digits for +86-style codes), 3 digits after it and the last 4.</summary>
    private static void MaskDigits(char[] chars, int from, int to)
    {
        var digits = new List<int>();
        for (var k = from; k < to; k++) if (char.IsAsciiDigit(chars[k])) digits.Add(k);
        var keepHead = chars[from] == '+' ? 5 : 3;
        if (digits.Count <= keepHead + 4) keepHead = Math.Max(0, digits.Count - 4 - 2);
        for (var d = keepHead; d < digits.Count - 4; d++) chars[digits[d]] = '*';
    }

    public static string Email(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0) return Identifier(value);
        return string.Concat(value.AsSpan(0, 1), new string('*', Math.Max(3, at - 1)), value.AsSpan(at));
    }
}
