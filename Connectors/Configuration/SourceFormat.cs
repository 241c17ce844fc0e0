namespace Mdm.Connectors.Configuration;

/// <summary>How a source file is laid out.</summary>
public enum SourceFormat
{
    /// <summary>Comma-separated values (RFC 4180 quoting); another separator may be set with "delimiter".</summary>
    Csv = 0,

    /// <summary>Tab-separated values.</summary>
    Tsv = 1,

    /// <summary>One JSON object per line (JSON Lines / NDJSON).</summary>
    JsonLines = 2,

    /// <summary>Rows of a database table or query ("format": "database"); see <see cref="DatabaseSourceSettings"/>.</summary>
    Database = 3,
}
