namespace Mdm.Engine;

/// <summary>Reads reference data embedded from Engine/Resources (logical names "Mdm.Resources." + relative path).</summary>
internal static class EmbeddedResource
{
    public static Stream Open(string relativePath)
    {
        var asm = typeof(EmbeddedResource).Assembly;
        var name = "Mdm.Resources." + relativePath;
        var stream = asm.GetManifestResourceStream(name) ?? asm.GetManifestResourceStream(name.Replace('/', '.'));
        return stream ?? throw new InvalidOperationException($"embedded resource '{name}' not found");
    }

    public static string ReadText(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        return reader.ReadToEnd();
    }
}
