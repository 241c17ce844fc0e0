using Mdm.Tests.EndToEnd;

// No namespace: NUnit runs a SetUpFixture outside every namespace once around the whole test assembly.

/// <summary>
/// What outlives a single fixture: the demo store <see cref="LiveStore"/> loads once per run and shares between fixtures
/// (no fixture owns it, so none may delete it) is deleted after the last test.
/// </summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DeleteSharedTemplates() => LiveStore.DeleteTemplate();
}
