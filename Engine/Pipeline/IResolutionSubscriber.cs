using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// A part that keeps something derived from the resolution current (customer value and tiers, the customer search
/// index): told of every resolution the engine writes — full, incremental, real time and steward alike.
/// </summary>
public interface IResolutionSubscriber
{
    /// <summary>
    /// Called right after <paramref name="write"/> went to the store: inside the caller's unit of work when there is one
    /// (real-time and steward writes: what the subscriber writes to the store commits with the resolution), after the
    /// commit otherwise. <c>write.Scope</c> is null for a full resolution (everything was replaced).
    /// </summary>
    void ResolutionWritten(IMdmStore store, ResolutionWrite write, long runId);
}
