namespace Mdm.Engine.Storage;

/// <summary>One transaction spanning several store calls; disposing it without <see cref="Commit"/> rolls back.</summary>
public interface IMdmUnitOfWork : IDisposable
{
    void Commit();
}
