namespace Mdm.Engine.Standardization.Identifiers;

/// <summary>Sex as recorded in a source or derived from an identity number. Values follow ISO/IEC 5218 (0 unknown, 1 male, 2 female).</summary>
public enum Sex : byte
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
