using System.Data.Common;
using Mdm.Connectors.Configuration;
using Mdm.Connectors.Reading;

namespace Mdm.Connectors;

/// <summary>
/// Opens database sources ("format": "database") through one ADO.NET path: the provider only chooses the
/// <see cref="DbProviderFactory"/> and the identifier quoting; connecting, the query, its parameter and the streamed
/// <see cref="DbDataReader"/> are shared. Rows are mapped by the same plan and record builder as file rows.
/// </summary>
public static class DatabaseConnectors
{
    /// <summary>
    /// Starts a pull. With a watermark column and <paramref name="after"/>, only rows whose watermark is greater are read
    /// (an incremental pull); otherwise every row. With a watermark column, rows come ordered by it.
    /// </summary>
    /// <exception cref="SourcesFileException">The connection string is missing or invalid, the database cannot be reached,
    /// the query fails, or a mapped column is missing.</exception>
    public static DatabaseRecordSource OpenRecords(SourceDefinition source, SourcesFile file, Watermark? after)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        var settings = source.Database ?? throw new ArgumentException($"source '{source.System}' is not a database source", nameof(source));
        var subject = $"source '{source.System}'";
        SourcesFileException Error(string problem, Exception? inner = null) => new(file.FilePath, subject, source.System, problem, inner);

        var connectionString = settings.Connection ?? Environment.GetEnvironmentVariable(settings.ConnectionEnv!);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw Error($"the environment variable {settings.ConnectionEnv} named by \"connection_env\" is not set (it must hold the connection string)");
        if (settings.Watermark is null) after = null;

        var factory = DatabaseProviders.Factory(settings.Provider);
        DbDataSource dataSource;
        try
        {
            dataSource = factory.CreateDataSource(DatabaseProviders.Resolve(settings.Provider, connectionString, file));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The builder's message names the bad keyword; the string itself may hold a password, so it is not repeated.
            throw Error($"the {settings.Provider} connection string is not valid: {ex.Message}", ex);
        }

        DbConnection? connection = null;
        DbCommand? command = null;
        try
        {
            connection = dataSource.OpenConnection();
            command = connection.CreateCommand();
            command.CommandText = Sql(settings, after is not null);
            command.CommandTimeout = 0; // an extract of millions of rows may rightly take long; it streams
            if (after is not null)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@last";
                parameter.Value = after.ToParameterValue();
                command.Parameters.Add(parameter);
            }
            var reader = command.ExecuteReader();
            var plan = RecordPlan.Create(source);
            var context = new CursorContext(file.FilePath, subject, source.System, settings.Describe(), System.Text.Encoding.UTF8, "utf-8");
            var cursor = new DatabaseRowCursor(context, plan.Slots, dataSource, connection, command, reader, settings.Watermark);
            return new DatabaseRecordSource(new FileRecordSource(source, plan, cursor), cursor, after is not null);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or SourcesFileException)
        {
            command?.Dispose();
            connection?.Dispose();
            dataSource.Dispose();
            if (ex is SourcesFileException) throw;
            throw Error($"cannot read the {settings.Describe()} from the {settings.Provider} database: {ex.Message}", ex);
        }
    }

    /// <summary>The pull's SQL: only quoted plain identifiers and the "query" as written; the watermark value is a parameter.</summary>
    internal static string Sql(DatabaseSourceSettings settings, bool incremental)
    {
        var from = settings.Table is { } table
            ? SqlIdentifier.Quote(settings.Provider, table)
            : $"({settings.Query!.TrimEnd().TrimEnd(';')}) AS mdm_source";
        if (settings.Watermark is not { } watermark) return $"SELECT * FROM {from}";
        var column = SqlIdentifier.Quote(settings.Provider, watermark);
        return incremental
            ? $"SELECT * FROM {from} WHERE {column} > @last ORDER BY {column}"
            : $"SELECT * FROM {from} ORDER BY {column}";
    }
}
