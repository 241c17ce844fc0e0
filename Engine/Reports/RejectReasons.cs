using System.Text;

namespace Mdm.Engine.Reports;

/// <summary>
/// Groups reject reasons that differ only in their particulars: "duplicate key 'C001' (first at line 7)" and
/// "duplicate key 'C9' (first at line 12)" are one reason for the owner, "duplicate key '…' (first at line #)".
/// </summary>
public static class RejectReasons
{
    public static string Category(string reason)
    {
        var sb = new StringBuilder(reason.Length);
        for (var i = 0; i < reason.Length; i++)
        {
            var c = reason[i];
            if (c is '\'' or '"')
            {
                var end = reason.IndexOf(c, i + 1);
                if (end > i)
                {
                    sb.Append(c).Append('…').Append(c);
                    i = end;
                    continue;
                }
            }
            if (char.IsAsciiDigit(c))
            {
                while (i + 1 < reason.Length && char.IsAsciiDigit(reason[i + 1])) i++;
                sb.Append('#');
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
