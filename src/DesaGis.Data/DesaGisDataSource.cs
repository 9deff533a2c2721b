using Npgsql;

namespace DesaGis.Data;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> a process uses, with PostGIS types mapped to NetTopologySuite.</summary>
public static class DesaGisDataSource
{
    /// <summary>The environment variable that holds the connection string.</summary>
    public const string ConnectionEnvironmentVariable = "DESAGIS_DATABASE";

    /// <summary>Creates a data source; geometry columns read as NetTopologySuite geometries.</summary>
    public static NpgsqlDataSource Create(string connectionString, string applicationName = "desagis")
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(csb.ApplicationName)) csb.ApplicationName = applicationName;
        var builder = new NpgsqlDataSourceBuilder(csb.ConnectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    /// <summary>
    /// A data source for tile rendering only. Its connections run nothing but the prepared tile statements, which set
    /// no session state (no SET, temporary tables or advisory locks), so the pool's reset on return
    /// (<c>SET SESSION AUTHORIZATION DEFAULT; RESET ALL; …</c>, a round trip of 0.2–0.35 ms per tile) buys nothing:
    /// it is turned off. Prepared statements stay on the connection either way.
    /// </summary>
    public static NpgsqlDataSource CreateForTiles(string connectionString, string applicationName = "desagis-tiles")
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        return Create(csb.ConnectionString, applicationName);
    }

    /// <summary>The connection string from the environment, or an explanation of how to set one.</summary>
    public static string FromEnvironment() =>
        Environment.GetEnvironmentVariable(ConnectionEnvironmentVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"No database configured: set {ConnectionEnvironmentVariable} to a PostgreSQL connection string " +
                "(e.g. 'Host=localhost;Port=5432;Username=postgres;Database=desagis'), or use 'make run', which starts a private PostGIS.");

    /// <summary>A connection string with the password removed, for logs.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var csb = new NpgsqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(csb.Password)) csb.Password = "***";
            return csb.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }
    }
}
