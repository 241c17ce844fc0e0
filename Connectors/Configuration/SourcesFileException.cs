namespace Mdm.Connectors.Configuration;

/// <summary>
/// The sources file (or a source it declares) is wrong: bad JSON, a missing or invalid setting, an unknown canonical
/// field, a mapped column that the file's header does not have. The message names the file, the source and the problem.
/// </summary>
public sealed class SourcesFileException : Exception
{
    internal SourcesFileException(string filePath, string? subject, string? system, string problem, Exception? innerException = null)
        : base(subject is null ? $"{filePath}: {problem}" : $"{filePath}: {subject}: {problem}", innerException)
    {
        FilePath = filePath;
        System = system;
        Problem = problem;
    }

    /// <summary>The sources file.</summary>
    public string FilePath { get; }

    /// <summary>The system of the source at fault, when the problem is in one source and its system is known.</summary>
    public string? System { get; }

    /// <summary>What is wrong, without the file and source prefix.</summary>
    public string Problem { get; }
}
