using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage;

/// <summary>The life of golden customers: the events each resolution wrote, read back across merges.</summary>
public interface IHistoryStore
{
    /// <summary>Everything that happened to a golden ID and to the IDs that were merged into it, oldest first.</summary>
    List<GoldenEventRow> ReadHistory(string goldenId);
}
