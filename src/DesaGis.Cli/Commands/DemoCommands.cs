using System.CommandLine;
using System.Diagnostics;
using DesaGis.Data;
using DesaGis.Data.Demo;
using DesaGis.Data.Geodata;
using Npgsql;

namespace DesaGis.Cli.Commands;

/// <summary><c>desagis demo …</c>: generate the synthetic demo dataset and load it into PostGIS.</summary>
public static class DemoCommands
{
    public static Command Create()
    {
        var demo = new Command("demo", "Synthetic demo data (clearly labelled 'data sintetis'): generate files, load them.");
        demo.Subcommands.Add(CreateGenerate());
        demo.Subcommands.Add(CreateLoad());
        demo.Subcommands.Add(CreateUnload());
        return demo;
    }

    private static Command CreateGenerate()
    {
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives byte-identical files.", DefaultValueFactory = _ => 1 };
        var villages = new Option<int>("--villages")
        {
            Description = $"How many desa/kelurahan ({DemoOptions.MinVillages}–{DemoOptions.MaxVillages}; about 83000 is Indonesia's count).",
            DefaultValueFactory = _ => DemoOptions.DefaultVillages,
        };
        var output = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "geodata/demo" };
        var generate = new Command("generate", "Generate the demo dataset as GeoJSON and CSV files.") { seed, villages, output };
        generate.SetAction(async (result, ct) =>
        {
            var options = new DemoOptions(result.GetValue(seed), result.GetValue(villages));
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                Console.Error.WriteLine(e.Message.Split(" (Parameter")[0]);
                return 2;
            }
            var dir = result.GetValue(output)!;
            var clock = Stopwatch.StartNew();
            var summary = await DemoWriter.WriteAsync(DemoGenerator.Generate(options), dir, ct);
            Console.WriteLine(
                $"Wrote {dir}: {summary.Provinsi} provinsi, {summary.Kabupaten} kabupaten, {summary.Kecamatan} kecamatan, " +
                $"{summary.Villages} villages ({summary.Kelurahan} kelurahan), {summary.TransmigrationAreas} transmigration areas, " +
                $"{summary.Partners} partners, {summary.Programs} programmes, {summary.Households} households (synthetic, restricted) in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return generate;
    }

    private static Command CreateLoad()
    {
        var dir = new Option<string>("--dir") { Description = "Directory written by 'demo generate'.", DefaultValueFactory = _ => "geodata/demo" };
        var force = new Option<bool>("--force") { Description = "Load even when the same files were loaded last time." };
        var load = new Command("load", "Load a demo dataset into PostGIS in one transaction; skipped when the files are unchanged.") { dir, force };
        load.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(dir)!;
            try
            {
                await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
                var outcome = await DemoLoader.LoadAsync(dataSource, path, result.GetValue(force), ct);
                Console.WriteLine(outcome.Describe());
                return 0;
            }
            catch (Exception e) when (e is DemoLoadException or IOException or InvalidOperationException or NpgsqlException)
            {
                Console.Error.WriteLine($"demo load failed, nothing was changed: {e.Message}");
                return 1;
            }
        });
        return load;
    }

    private static Command CreateUnload()
    {
        var unload = new Command("unload",
            "Remove example data: the 'contoh' partners and programmes and the synthetic provinces ('sintetis'), with everything under them. Real data stays.");
        unload.SetAction(async (_, ct) =>
        {
            try
            {
                await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
                var removed = await ExampleData.UnloadAsync(dataSource, ct);
                Console.WriteLine(removed.Count == 0
                    ? "No example data was loaded; nothing was changed."
                    : "Removed " + string.Join(", ", removed.Select(r => $"{r.Rows} {r.What}")) + ". 'desagis geodata load --examples' brings the examples back.");
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
            {
                Console.Error.WriteLine($"demo unload failed, nothing was changed: {e.Message}");
                return 1;
            }
        });
        return unload;
    }
}
