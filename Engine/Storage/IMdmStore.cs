namespace Mdm.Engine.Storage;

/// <summary>
/// Everything Mdm persists, as the sum of its ports; a caller that needs one concern takes that port. SQLite is the
/// embedded default; server databases implement the same ports with the same schema.
/// </summary>
public interface IMdmStore : ISourceRecordStore, IGoldenStore, IDecisionStore, IHistoryStore, IRunStore, IReviewStore, ICustomerValueStore, IDisposable
{
    /// <summary>Where the store is (a file path, a server database), for messages.</summary>
    string Location { get; }

    /// <summary>
    /// Groups the calls made until <see cref="IMdmUnitOfWork.Commit"/> into one transaction (a real-time resolve writes its
    /// source record and its resolution together); without one, each call commits on its own.
    /// </summary>
    IMdmUnitOfWork BeginUnitOfWork();

    /// <summary>
    /// A long-running session of small writes (real-time resolves): housekeeping that would otherwise run inside some
    /// commits (the SQLite store's WAL checkpoints) moves to the background, so no single resolve pays for it.
    /// </summary>
    void StartBackgroundCheckpoints();
}
