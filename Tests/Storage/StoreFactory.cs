using Mdm.Engine.Storage;

namespace Mdm.Tests.Storage;

/// <summary>
/// How the shared store suite gets a store: <see cref="Open"/> with the same place (a fresh temporary directory per test)
/// opens the same store again, so a test can check what survives a reopen. A server database's factory maps the place
/// to a database or schema of its own.
/// </summary>
public sealed record StoreFactory(string Name, Func<string, IMdmStore> Open)
{
    public static IEnumerable<StoreFactory> All() =>
    [
        new("SQLite", place => SqliteMdmStore.OpenWriter(Path.Combine(place, "mdm.db"), "test")),
    ];

    // The fixture's name in test results.
    public override string ToString() => Name;
}
