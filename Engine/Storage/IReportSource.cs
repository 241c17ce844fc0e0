using System.Data.Common;

namespace Mdm.Engine.Storage;

/// <summary>
/// Read-only SQL over the store's tables for reports that scan them in one pass (the data-quality profile): the SQL
/// must be portable; <see cref="BinaryCollation"/> gives byte order for text on every store.
/// </summary>
public interface IReportSource
{
    DbCommand CreateQuery(string sql);

    /// <summary>"COLLATE …" that orders text by bytes (SQLite's BINARY, PostgreSQL's "C").</summary>
    string BinaryCollation { get; }
}
