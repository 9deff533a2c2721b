using System.CommandLine;
using DesaGis.Data;
using DesaGis.Data.Outlines;
using Npgsql;

namespace DesaGis.Cli.Commands;

/// <summary><c>desagis outlines check|build</c>: compare kecamatan and kabupaten outlines with their villages, and rebuild them from the villages.</summary>
public static class OutlinesCommands
{
    public static Command Create()
    {
        var outlines = new Command("outlines", "Kecamatan and kabupaten outlines against their villages: check them, or build them from the villages (ST_Union).");
        outlines.Subcommands.Add(Create("check", "Report the kecamatan and kabupaten whose outline is missing or leaves out more than 1 % of their villages' area.", build: false));
        outlines.Subcommands.Add(Create("build", "Replace kecamatan and kabupaten outlines by the union of their villages (one transaction), reporting what disagreed before.", build: true));
        return outlines;
    }

    private static Command Create(string name, string description, bool build)
    {
        var kabupaten = new Option<string[]>("--kabupaten", "-k") { Description = "Only these kabupaten (Kemendagri codes, e.g. 52.03), comma-separated or repeated; default all." };
        var show = new Option<int>("--show") { Description = "How many disagreeing areas to list.", DefaultValueFactory = _ => 50 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Build, report, and roll back." };
        var command = new Command(name, description) { kabupaten, show };
        if (build) command.Options.Add(dryRun);
        command.SetAction(async (result, ct) =>
        {
            var codes = (result.GetValue(kabupaten) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            try
            {
                await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
                await using var conn = await dataSource.OpenConnectionAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                var report = build
                    ? await OutlineBuilder.BuildAsync(conn, codes.Length == 0 ? null : codes, ct)
                    : await OutlineBuilder.CheckAsync(conn, codes.Length == 0 ? null : codes, ct);
                if (build && !result.GetValue(dryRun))
                {
                    // The village summaries carry kecamatan and kabupaten names only, so they need no refresh.
                    await using var audit = new NpgsqlCommand(
                        "INSERT INTO desagis.import_run (target, source_name, finished_at, updated, actor) VALUES ('outlines', 'desagis outlines build', now(), $1, $2)", conn, tx);
                    audit.Parameters.AddWithValue(report.Built);
                    audit.Parameters.AddWithValue(Environment.UserName);
                    await audit.ExecuteNonQueryAsync(ct);
                    await tx.CommitAsync(ct);
                }
                else
                {
                    await tx.RollbackAsync(ct);
                }
                Console.WriteLine($"{report.Compared} kecamatan/kabupaten with village polygons compared; {report.Mismatches.Count} disagree with their villages" +
                                  (build ? $"; {report.Built} outlines {(result.GetValue(dryRun) ? "would be" : "were")} rebuilt from their villages." : "."));
                ImportConsole.PrintOutlines(report with { Built = 0 }, result.GetValue(show));
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
            {
                Console.Error.WriteLine($"outlines {name} failed, nothing was changed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
