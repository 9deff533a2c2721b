using System.CommandLine;
using DesaGis.Data;
using DesaGis.Data.Migrations;

namespace DesaGis.Cli.Commands;

/// <summary><c>desagis db …</c>: schema migrations.</summary>
public static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Database schema commands.");
        var migrate = new Command("migrate", "Apply the schema migrations that are not applied yet (safe to repeat).");
        migrate.SetAction(async (_, ct) =>
        {
            await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            var applied = await MigrationRunner.MigrateAsync(dataSource, ct);
            Console.WriteLine(applied.Count == 0
                ? $"Schema is current (version {MigrationRunner.LatestVersion})."
                : $"Applied migrations {string.Join(", ", applied)}; schema is at version {MigrationRunner.LatestVersion}.");
            return 0;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
