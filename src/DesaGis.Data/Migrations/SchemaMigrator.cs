using Npgsql;

namespace DesaGis.Data.Migrations;

/// <summary>The migrations of one database: applies them, or says how far the schema is.</summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource)
{
    /// <summary>The newest migration this build knows.</summary>
    public static int LatestVersion => MigrationRunner.LatestVersion;

    /// <summary>Applies the migrations not yet applied; returns their versions.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken) => MigrationRunner.MigrateAsync(dataSource, cancellationToken);

    /// <summary>The newest migration applied (0 on an empty database).</summary>
    public Task<int> CurrentVersionAsync(CancellationToken cancellationToken) => MigrationRunner.CurrentVersionAsync(dataSource, cancellationToken);
}
