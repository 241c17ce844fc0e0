using Mdm.Engine.Records;

namespace Mdm.Connectors.Configuration;

/// <summary>
/// Whether a source's records are persons or organizations: fixed for the whole source, or decided per record by a
/// column's value (compared trimmed and ignoring case). Values in neither list get <see cref="Default"/>.
/// </summary>
public sealed class KindMapping
{
    private readonly HashSet<string> _organization;
    private readonly HashSet<string> _person;

    internal KindMapping(PartyKind? fixedKind, string? column, IReadOnlyList<string> organizationValues,
        IReadOnlyList<string> personValues, PartyKind defaultKind)
    {
        Fixed = fixedKind;
        Column = column;
        OrganizationValues = organizationValues;
        PersonValues = personValues;
        Default = defaultKind;
        _organization = new HashSet<string>(organizationValues, StringComparer.OrdinalIgnoreCase);
        _person = new HashSet<string>(personValues, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every record is a person (the default when a source has no "kind").</summary>
    public static KindMapping AllPersons { get; } = new(PartyKind.Person, null, [], [], PartyKind.Person);

    /// <summary>The kind of every record, when the source has one kind; null when <see cref="Column"/> decides.</summary>
    public PartyKind? Fixed { get; }

    /// <summary>The column whose value decides the kind, or null for a fixed kind.</summary>
    public string? Column { get; }

    /// <summary>Column values that mean organization.</summary>
    public IReadOnlyList<string> OrganizationValues { get; }

    /// <summary>Column values that mean person (optional: anything not an organization value is <see cref="Default"/>).</summary>
    public IReadOnlyList<string> PersonValues { get; }

    /// <summary>The kind of a record whose value is empty or in neither list.</summary>
    public PartyKind Default { get; }

    /// <summary>The kind for a record whose <see cref="Column"/> holds <paramref name="value"/> (already trimmed).</summary>
    public PartyKind Resolve(string? value)
    {
        if (Fixed is { } kind) return kind;
        if (string.IsNullOrEmpty(value)) return Default;
        if (_organization.Contains(value)) return PartyKind.Organization;
        if (_person.Contains(value)) return PartyKind.Person;
        return Default;
    }
}
