using System.Text;

namespace Mdm.Connectors;

/// <summary>
/// Resolves the encoding names a sources file may use ("utf-8", "utf8", "gb18030", "gbk", "gb2312", "big5", and any
/// other name .NET knows once the code-page provider is registered). Decoders never throw: bytes that are not valid
/// in the encoding become U+FFFD, which the connectors then report as a reject naming the field.
/// </summary>
public static class TextEncodings
{
    /// <summary>The character a decoder puts in place of bytes it cannot decode.</summary>
    public const char ReplacementChar = '\uFFFD';

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    static TextEncodings()
    {
        // Once per process: makes GB18030, GBK (936), Big5 (950) and the other Windows/ISO code pages available.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// The decoding encoding for <paramref name="name"/> (null or empty means UTF-8). A byte order mark at the start
    /// of a file still wins, as StreamReader detects it.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not an encoding .NET knows.</exception>
    public static Encoding Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Utf8;
        var trimmed = name.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "utf-8":
            case "utf8":
            case "utf-8-bom":
            case "utf-8-sig":
            case "utf8bom":
                return Utf8;
        }
        try
        {
            // Explicit U+FFFD replacement: the code-page encodings default to '?', which would hide bad bytes.
            return Encoding.GetEncoding(trimmed, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"unknown encoding '{trimmed}' (use e.g. utf-8, gb18030, gbk, gb2312, big5)", nameof(name), ex);
        }
    }

    /// <summary>Whether <paramref name="name"/> names an encoding <see cref="Resolve"/> accepts.</summary>
    public static bool IsKnown(string? name)
    {
        try
        {
            Resolve(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
