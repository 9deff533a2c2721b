using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace DesaGis.Data.Migrations;

/// <summary>
/// Applies the embedded SQL migrations in version order, each in its own transaction, under an advisory lock so
/// that two servers starting together do not race. Applying them again does nothing.
/// </summary>
public static partial class MigrationRunner
{
    // Arbitrary but fixed: the advisory-lock key that serialises migrations across processes.
    private const long LockKey = 0x44657361_47697301;

    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(LoadEmbedded);

    /// <summary>All migrations this build knows, in order.</summary>
    public static IReadOnlyList<Migration> All => Embedded.Value;

    /// <summary>The newest version this build knows.</summary>
    public static int LatestVersion => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>A fingerprint of the whole migration set (used to know when a test template is stale).</summary>
    public static string Fingerprint => Convert.ToHexString(SHA256.HashData(
        Encoding.UTF8.GetBytes(string.Join("\n", All.Select(m => $"{m.Version}:{m.Checksum}"))))).ToLowerInvariant();

    /// <summary>Applies every migration not yet applied; returns the versions it applied.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock($1)", conn))
        {
            lockCmd.Parameters.AddWithValue(LockKey);
            await lockCmd.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await using (var create = new NpgsqlCommand(
                """
                CREATE SCHEMA IF NOT EXISTS desagis;
                CREATE TABLE IF NOT EXISTS desagis.schema_migration (
                    version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now());
                """, conn))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            var applied = await AppliedAsync(conn, cancellationToken);
            var done = new List<int>();
            foreach (var migration in All)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {migration.Version} ({migration.Name}) was changed after it was applied. " +
                            "Migrations are append-only: add a new one instead of editing an applied one.");
                    continue;
                }
                await using var tx = await conn.BeginTransactionAsync(cancellationToken);
                await using (var cmd = new NpgsqlCommand(migration.Sql, conn, tx))
                {
                    cmd.CommandTimeout = 600;
                    await cmd.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO desagis.schema_migration (version, name, checksum) VALUES ($1, $2, $3)", conn, tx))
                {
                    record.Parameters.AddWithValue(migration.Version);
                    record.Parameters.AddWithValue(migration.Name);
                    record.Parameters.AddWithValue(migration.Checksum);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
                done.Add(migration.Version);
            }
            if (done.Count > 0)
                await conn.ReloadTypesAsync(cancellationToken);
            return done;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", conn);
            unlock.Parameters.AddWithValue(LockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The newest applied version, or 0 when the schema does not exist yet.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT CASE WHEN to_regclass('desagis.schema_migration') IS NULL THEN 0 " +
            "ELSE (SELECT COALESCE(max(version), 0) FROM desagis.schema_migration) END");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var result = new Dictionary<int, string>();
        await using var cmd = new NpgsqlCommand("SELECT version, checksum FROM desagis.schema_migration", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[reader.GetInt32(0)] = reader.GetString(1);
        return result;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n")))).ToLowerInvariant();
            list.Add(new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, sql, checksum));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 1; i < list.Count; i++)
            if (list[i].Version == list[i - 1].Version)
                throw new InvalidOperationException($"Two migrations share version {list[i].Version}.");
        return list;
    }

    [GeneratedRegex(@"\.Migrations\.(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
