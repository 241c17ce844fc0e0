namespace Mdm.Connectors.Configuration;

/// <summary>The database engines a source can be pulled from ("provider"); all go through one ADO.NET path.</summary>
public enum DatabaseProvider
{
    /// <summary>"sqlite": Microsoft.Data.Sqlite.</summary>
    Sqlite = 0,

    /// <summary>"postgresql" (also "postgres"): Npgsql.</summary>
    PostgreSql = 1,

    /// <summary>"sqlserver": Microsoft.Data.SqlClient.</summary>
    SqlServer = 2,
}
