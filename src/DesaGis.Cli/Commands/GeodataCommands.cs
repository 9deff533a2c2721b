using System.CommandLine;
using DesaGis.Data;
using DesaGis.Data.Geodata;
using DesaGis.Data.Import;
using Npgsql;

namespace DesaGis.Cli.Commands;

/// <summary>
/// <c>desagis geodata …</c>: derive the compact real dataset of <c>geodata/real</c> (and the examples of
/// <c>geodata/contoh</c>) from the shared geodata, and load it through the importer.
/// </summary>
public static class GeodataCommands
{
    public static Command Create()
    {
        var geodata = new Command("geodata", "The real places shipped in geodata/real (four regencies) and the example programmes of geodata/contoh.");
        geodata.Subcommands.Add(CreateDerive());
        geodata.Subcommands.Add(CreateLoad());
        return geodata;
    }

    private static Command CreateDerive()
    {
        var from = new Option<string>("--from") { Description = "The shared geodata folder.", DefaultValueFactory = _ => "../shared/geodata" };
        var output = new Option<string>("--out") { Description = "Where the real dataset goes.", DefaultValueFactory = _ => BundledGeodata.RealDirectory };
        var examples = new Option<string>("--examples-out") { Description = "Where the example programmes go.", DefaultValueFactory = _ => BundledGeodata.ExamplesDirectory };
        var derive = new Command("derive", "Write geodata/real and geodata/contoh from the shared geodata (byte-identical for the same input).") { from, output, examples };
        derive.SetAction(async (result, ct) =>
        {
            try
            {
                var summary = await GeodataDeriver.DeriveAsync(result.GetValue(from)!, result.GetValue(output)!, result.GetValue(examples)!, ct);
                Console.WriteLine($"Wrote {result.GetValue(output)} ({summary.Bytes / 1024.0 / 1024.0:0.00} MB): " +
                                  string.Join(", ", summary.Rows.Select(r => $"{r.Key} {r.Value}")));
                Console.WriteLine($"Wrote {result.GetValue(examples)}: {summary.ExamplePrograms} example programmes on {summary.ExampleLinks} real villages.");
                return 0;
            }
            catch (Exception e) when (e is ImportException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"geodata derive failed: {e.Message}");
                return 2;
            }
        });
        return derive;
    }

    private static Command CreateLoad()
    {
        var dir = new Option<string>("--dir") { Description = "The real dataset.", DefaultValueFactory = _ => BundledGeodata.RealDirectory };
        var examplesDir = new Option<string>("--examples-dir") { Description = "The example programmes.", DefaultValueFactory = _ => BundledGeodata.ExamplesDirectory };
        var withExamples = new Option<bool>("--examples") { Description = "Load the examples even after 'desagis demo unload' removed them." };
        var noExamples = new Option<bool>("--no-examples") { Description = "Load only the real data." };
        var force = new Option<bool>("--force") { Description = "Load even when the same files were loaded last time." };
        var load = new Command("load", "Load geodata/real and geodata/contoh through the importer, in one transaction; skipped when the files are unchanged.")
        {
            dir, examplesDir, withExamples, noExamples, force,
        };
        load.SetAction(async (result, ct) =>
        {
            try
            {
                await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
                bool examples = !result.GetValue(noExamples) &&
                                (result.GetValue(withExamples) || await BundledGeodataLoader.ExamplesWantedAsync(dataSource, ct));
                var console = new ImportConsole(new Importer(dataSource), 5);
                var outcome = await BundledGeodataLoader.LoadAsync(dataSource, result.GetValue(dir)!, examples ? result.GetValue(examplesDir) : null,
                    result.GetValue(force), console.Print, ct);
                if (outcome.SyntheticRemoved.Count > 0)
                    Console.WriteLine("The synthetic demo lay over the real villages and was removed: " +
                                      string.Join(", ", outcome.SyntheticRemoved.Select(r => $"{r.Rows} {r.What}")) + ".");
                Console.WriteLine(outcome.Skipped
                    ? $"{result.GetValue(dir)}: unchanged since the last load, nothing to do."
                    : $"Loaded {result.GetValue(dir)}{(examples ? " and " + result.GetValue(examplesDir) : " (without the examples)")} " +
                      $"in {outcome.Elapsed.TotalSeconds:0.0} s: {outcome.Imports.Count} imports, one transaction.");
                return 0;
            }
            catch (ImportException e)
            {
                Console.Error.WriteLine($"geodata load refused, nothing was changed: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or NpgsqlException)
            {
                Console.Error.WriteLine($"geodata load failed, nothing was changed: {e.Message}");
                return 1;
            }
        });
        return load;
    }
}
