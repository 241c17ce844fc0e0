namespace Mdm.Engine.Records;

/// <summary>Whether a source record describes a natural person or an organization (company, agency).</summary>
public enum PartyKind : byte
{
    Person = 0,
    Organization = 1,
}
