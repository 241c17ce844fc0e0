namespace Mdm.Engine.Standardization.Text;

/// <summary>
/// Access to the Chinese reference tables embedded from Engine/Resources/zh/ (OpenCC, pinyin, surnames).
/// Nothing is read from disk at run time.
/// </summary>
internal static class ZhResources
{
    /// <summary>
    /// Opens an embedded resource by its path below Engine/Resources, e.g. <c>zh/opencc/TSPhrases.txt</c>.
    /// </summary>
    /// <remarks>
    /// Engine.csproj builds the logical name from MSBuild's <c>%(RecursiveDir)</c>, which keeps the host's directory
    /// separator: the manifest name is <c>Mdm.Resources.zh/opencc/TSPhrases.txt</c> when built on Linux/macOS and
    /// <c>Mdm.Resources.zh\opencc\TSPhrases.txt</c> on Windows. All spellings (and the dotted one) are tried.
    /// </remarks>
    public static Stream Open(string relativePath)
    {
        var assembly = typeof(ZhResources).Assembly;
        string slashed = "Mdm.Resources." + relativePath.Replace('\\', '/');
        return assembly.GetManifestResourceStream(slashed)
            ?? assembly.GetManifestResourceStream(slashed.Replace('/', '\\'))
            ?? assembly.GetManifestResourceStream("Mdm.Resources." + relativePath.Replace('/', '.').Replace('\\', '.'))
            ?? throw new InvalidOperationException($"Embedded resource '{slashed}' is missing from {assembly.GetName().Name}.");
    }

    /// <summary>
    /// Yields the data lines of a UTF-8, tab-separated resource: blank lines and <c>#</c> comment lines are skipped.
    /// </summary>
    public static IEnumerable<string> DataLines(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath), System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return line;
        }
    }

    /// <summary>
    /// Reads an OpenCC dictionary (<c>key TAB value[ value…]</c>) and returns (key, first value) pairs;
    /// the first value is OpenCC's default.
    /// </summary>
    public static IEnumerable<(string Key, string[] Values)> OpenCcEntries(string fileName)
    {
        foreach (string line in DataLines("zh/opencc/" + fileName))
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
            {
                continue;
            }

            yield return (line[..tab], line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
