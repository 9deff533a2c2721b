using DesaGis.Data.Migrations;
using Npgsql;

namespace DesaGis.Data.Health;

/// <summary>Asks PostGIS, within a time limit, for its version and the schema version: the readiness check.</summary>
public sealed class DatabaseHealthProbe(NpgsqlDataSource dataSource)
{
    /// <summary>Runs the check; a database that does not answer within <paramref name="timeout"/> is reported down.</summary>
    public async Task<DatabaseHealth> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        string? postgis = null;
        int? version = null;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            await using var cmd = dataSource.CreateCommand("SELECT postgis_lib_version()");
            postgis = (string?)await cmd.ExecuteScalarAsync(limit.Token);
            version = await MigrationRunner.CurrentVersionAsync(dataSource, limit.Token);
            return new DatabaseHealth(true, postgis, version, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            return new DatabaseHealth(false, postgis, version, ex);
        }
    }
}
