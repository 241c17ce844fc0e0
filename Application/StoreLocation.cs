using Mdm.Connectors.Configuration;
using Mdm.Engine.Scoring;

namespace Mdm.Application;

/// <summary>Where a sources file's store and the files kept beside it live, and which matching configuration applies.</summary>
public static class StoreLocation
{
    /// <summary>The store file: <paramref name="overridePath"/> (--store), else the sources file's "store", else mdm-data/mdm.db beside it.</summary>
    public static string StorePathOf(SourcesFile file, string? overridePath) =>
        Path.GetFullPath(overridePath ?? file.ResolvePath(file.Store ?? "mdm-data/mdm.db"));

    /// <summary>The candidate index beside the store.</summary>
    public static string IndexPathOf(string storePath) => storePath + ".index";

    /// <summary>The matching configuration at <paramref name="path"/>, or the built-in one.</summary>
    public static MatchingConfiguration Matching(string? path) =>
        path is null ? MatchingConfiguration.Default() : MatchingConfiguration.Load(path);
}
