using DesaGis.Data;
using DesaGis.Data.Migrations;
using Npgsql;
using Xunit;

namespace DesaGis.Testing;

/// <summary>
/// A fresh, migrated PostGIS database of its own for one test class (use as <c>IClassFixture</c>), copied from a
/// template database so that creating it is quick. The server is the one named by DESAGIS_TEST_DATABASE or
/// DESAGIS_DATABASE (make test sets it). A missing server is a failure, never a skip.
/// </summary>
public sealed class PostgisDatabase : IAsyncLifetime
{
    private const long TemplateLockKey = 0x44657361_47697302;
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = "";
    public string DatabaseName { get; } = "desagis_test_" + Guid.NewGuid().ToString("N")[..16];

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database is not initialised yet.");

    /// <summary>The server's connection string as configured for tests.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("DESAGIS_TEST_DATABASE") is { Length: > 0 } t ? t
        : Environment.GetEnvironmentVariable(DesaGisDataSource.ConnectionEnvironmentVariable) is { Length: > 0 } d ? d
        : throw new InvalidOperationException(
            "Tests need PostGIS: set DESAGIS_DATABASE (or DESAGIS_TEST_DATABASE) to a connection string of a server " +
            "where this user may create databases, or run 'make test', which starts a private one.");

    public async Task InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        var template = "desagis_test_template_" + MigrationRunner.Fingerprint[..12];
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" };
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync();
            await ExecAsync(conn, $"SELECT pg_advisory_lock({TemplateLockKey})");
            try
            {
                await EnsureTemplateAsync(conn, server, template);
                await ExecAsync(conn, $"CREATE DATABASE {Q(DatabaseName)} TEMPLATE {Q(template)}");
            }
            finally
            {
                await ExecAsync(conn, $"SELECT pg_advisory_unlock({TemplateLockKey})");
            }
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = DatabaseName, Pooling = true }.ConnectionString;
        _dataSource = DesaGisDataSource.Create(ConnectionString, "desagis-tests");
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await ExecAsync(conn, $"DROP DATABASE IF EXISTS {Q(DatabaseName)} WITH (FORCE)");
    }

    /// <summary>Runs SQL in the test database (for arranging data).</summary>
    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query in the test database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        var value = await cmd.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task EnsureTemplateAsync(NpgsqlConnection admin, NpgsqlConnectionStringBuilder server, string template)
    {
        await using (var check = new NpgsqlCommand(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1", admin))
        {
            check.Parameters.AddWithValue(template);
            var state = await check.ExecuteScalarAsync();
            if (state is "ready") return;
            if (state is not null) await ExecAsync(admin, $"DROP DATABASE {Q(template)} WITH (FORCE)");
        }
        // Older templates (from another migration set) are dropped so they do not pile up.
        var stale = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE datname LIKE 'desagis\\_test\\_template\\_%' AND datname <> $1", admin))
        {
            list.Parameters.AddWithValue(template);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stale.Add(reader.GetString(0));
        }
        foreach (var name in stale) await ExecAsync(admin, $"DROP DATABASE IF EXISTS {Q(name)} WITH (FORCE)");

        await ExecAsync(admin, $"CREATE DATABASE {Q(template)}");
        var cs = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = template, Pooling = false };
        await using (var ds = DesaGisDataSource.Create(cs.ConnectionString, "desagis-tests"))
        {
            await MigrationRunner.MigrateAsync(ds);
        }
        await ExecAsync(admin, $"COMMENT ON DATABASE {Q(template)} IS 'ready'");
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string Q(string identifier) => DesaGis.Data.Sql.SqlIdentifier.Quote(identifier);
}
