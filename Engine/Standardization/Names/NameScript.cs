namespace Mdm.Engine.Standardization.Names;

/// <summary>The writing system a person name was given in.</summary>
public enum NameScript : byte
{
    /// <summary>No usable letters.</summary>
    None,

    /// <summary>Chinese characters.</summary>
    Han,

    /// <summary>Latin letters (romanized Chinese or Western names).</summary>
    Latin,

    /// <summary>Both Han and Latin letters in one value (e.g. "张伟 David"); the Han part is used.</summary>
    Mixed,
}
