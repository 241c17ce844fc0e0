using Mdm.Engine.Quality;
using Mdm.Engine.Records;

namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>Outcome of parsing an e-mail address.</summary>
/// <param name="Input">The raw source value (empty string for null).</param>
/// <param name="Normalized">Lower-case address, Gmail local part canonicalised; only when <paramref name="IsValid"/>.</param>
/// <param name="IsValid">The address is syntactically valid.</param>
/// <param name="Finding">Why the value is invalid; null when valid or blank.</param>
public sealed record EmailResult(string Input, string? Normalized, bool IsValid, QualityFinding? Finding);

/// <summary>
/// E-mail addresses: trimmed, full-width folded (＠ → @, 。 → .), lower-cased, "mailto:" and a display name
/// ("张三 &lt;zs@163.com&gt;") removed, then checked for basic syntax.
/// </summary>
/// <remarks>
/// Syntax accepted: ASCII only; one '@'; a local part of letters, digits and !#$%&amp;'*+/=?^_`{|}~.- without leading,
/// trailing or doubled dots (at most 64 characters); a domain of at least two dot-separated labels of letters, digits and
/// '-' (not at a label's ends), the last one at least two characters and not all digits; a single trailing dot is dropped.
/// For gmail.com and googlemail.com (one mailbox, normalized to gmail.com) dots and a "+tag" are removed from the local part,
/// because Gmail ignores them; every other domain keeps its local part as is, only lower-cased.
/// </remarks>
public static class EmailAddress
{
    private const int MaxLength = 254;

    /// <summary>Parses and normalizes an e-mail address. Never throws.</summary>
    public static EmailResult Parse(string? value)
    {
        var input = value ?? string.Empty;
        var text = input.AsSpan().Trim();
        // Trim() does not know U+3000 and the full-width forms, so fold first into a buffer.
        Span<char> buf = stackalloc char[MaxLength + 1];
        int n = 0;
        foreach (var raw in text)
        {
            var c = IdentifierChars.Fold(raw);
            if (c == '\u3002')
                c = '.';
            else if (c is >= 'A' and <= 'Z')
                c = (char)(c | 0x20);
            if (n > MaxLength)
                return Invalid(input, $"longer than {MaxLength} characters");
            buf[n++] = c;
        }
        var s = buf[..n].Trim();
        if (s.IsEmpty)
            return new EmailResult(input, null, false, null);

        // Display-name form: take what is between the angle brackets.
        int lt = s.LastIndexOf('<');
        if (lt >= 0)
        {
            int gt = s[lt..].IndexOf('>');
            if (gt < 0)
                return Invalid(input, "unbalanced '<'");
            s = s.Slice(lt + 1, gt - 1).Trim();
        }
        if (s.StartsWith("mailto:"))
            s = s[7..].Trim();

        int at = s.IndexOf('@');
        if (at < 0)
            return Invalid(input, "no '@'");
        if (s[(at + 1)..].Contains('@'))
            return Invalid(input, "more than one '@'");
        var local = s[..at];
        var domain = s[(at + 1)..];
        if (domain is [.., '.'])
            domain = domain[..^1];

        if (CheckLocal(local) is { } localProblem)
            return Invalid(input, localProblem);
        if (CheckDomain(domain) is { } domainProblem)
            return Invalid(input, domainProblem);

        if (domain.SequenceEqual("gmail.com") || domain.SequenceEqual("googlemail.com"))
        {
            Span<char> canonical = stackalloc char[local.Length];
            int m = 0;
            foreach (var c in local)
            {
                if (c == '+')
                    break;
                if (c != '.')
                    canonical[m++] = c;
            }
            if (m == 0)
                return Invalid(input, "Gmail local part is empty without dots and +tag");
            return new EmailResult(input, string.Concat(canonical[..m], "@gmail.com"), true, null);
        }
        return new EmailResult(input, string.Concat(local, "@", domain), true, null);
    }

    private static string? CheckLocal(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty)
            return "empty local part";
        if (local.Length > 64)
            return "local part longer than 64 characters";
        if (local[0] == '.' || local[^1] == '.')
            return "local part starts or ends with '.'";
        char previous = '\0';
        foreach (var c in local)
        {
            if (c == '.' && previous == '.')
                return "'..' in the local part";
            if (!IsLocalChar(c))
                return c == ' ' ? "space in the address" : $"character '{c}' not allowed in the local part";
            previous = c;
        }
        return null;
    }

    private static string? CheckDomain(ReadOnlySpan<char> domain)
    {
        if (domain.IsEmpty)
            return "empty domain";
        int labels = 0;
        var rest = domain;
        while (true)
        {
            int dot = rest.IndexOf('.');
            var label = dot < 0 ? rest : rest[..dot];
            if (label.IsEmpty)
                return $"empty label in domain '{domain}'";
            if (label.Length > 63)
                return $"domain label longer than 63 characters";
            if (label[0] == '-' || label[^1] == '-')
                return $"domain label '{label}' starts or ends with '-'";
            foreach (var c in label)
            {
                if (!(c is >= 'a' and <= 'z' || IdentifierChars.IsAsciiDigit(c) || c == '-'))
                    return c == ' ' ? "space in the address" : $"character '{c}' not allowed in the domain";
            }
            labels++;
            if (dot < 0)
            {
                if (labels < 2)
                    return $"domain '{domain}' has no '.'";
                if (label.Length < 2 || !label.ContainsAnyExceptInRange('0', '9'))
                    return $"top-level domain '{label}' is not valid";
                return null;
            }
            rest = rest[(dot + 1)..];
        }
    }

    private static bool IsLocalChar(char c) =>
        c is >= 'a' and <= 'z' || IdentifierChars.IsAsciiDigit(c)
        || c is '.' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~' or '-';

    private static EmailResult Invalid(string input, string message) =>
        new(input, null, false, new QualityFinding(CanonicalField.Email, IdentifierFindingCodes.InvalidSyntax, message));
}
