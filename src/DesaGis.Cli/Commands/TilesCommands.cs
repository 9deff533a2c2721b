using System.CommandLine;
using System.Diagnostics;
using System.Net;
using DesaGis.Core;
using DesaGis.Core.Tiles;
using DesaGis.Data;
using DesaGis.Data.Catalog;
using DesaGis.Data.Tiles;

namespace DesaGis.Cli.Commands;

/// <summary><c>desagis tiles …</c>: pre-seed a server's tile cache, export MBTiles for offline use.</summary>
public static class TilesCommands
{
    /// <summary>The layers the main style draws, exported and seeded unless --layers says otherwise.</summary>
    public const string DefaultLayers = "village_indicators,kecamatan,kabupaten,transmigration_areas,programs,kecamatan_labels,kabupaten_labels";

    /// <summary>Largest number of tiles one command will make, so a typo in --zooms cannot run for days.</summary>
    public const long MaxTiles = 2_000_000;

    public static Command Create()
    {
        var tiles = new Command("tiles", "Vector tiles: pre-seed the server's cache, export MBTiles.");
        tiles.Subcommands.Add(Seed());
        tiles.Subcommands.Add(Export());
        return tiles;
    }

    private static Option<string> BboxOption() => new("--bbox")
    {
        Description = "Area as minLon,minLat,maxLon,maxLat (WGS 84), e.g. 114.3,-3.5,115.0,-2.5",
        Required = true,
    };

    private static Option<string> ZoomsOption() => new("--zooms") { Description = "Zoom range, e.g. 5-12", Required = true };

    private static Option<string> LayersOption() => new("--layers")
    {
        Description = "Comma-separated layers; one composite tile carries them all",
        DefaultValueFactory = _ => DefaultLayers,
    };

    private static Command Seed()
    {
        var bbox = BboxOption();
        var zooms = ZoomsOption();
        var layers = LayersOption();
        var server = new Option<string>("--server")
        {
            Description = "The running DesaGis server whose cache to fill",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DESAGIS_URL") ?? "http://127.0.0.1:8080",
        };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight", DefaultValueFactory = _ => 4 };
        var command = new Command("seed", "Request every tile of an area and zoom range from a running server, so that its cache holds them.")
        {
            bbox, zooms, layers, server, concurrency,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryArea(parse.GetValue(bbox)!, parse.GetValue(zooms)!, parse.GetValue(layers)!, out var box, out var range, out var ids)) return 2;
            var list = range.Levels.SelectMany(z => WebMercator.TilesCovering(box, z)).ToList();
            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(server)!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
            string layerPath = string.Join(',', ids);
            long ok = 0, empty = 0, bytes = 0;
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(concurrency)), CancellationToken = ct },
                async (tile, token) =>
                {
                    using var response = await http.GetAsync($"tiles/{layerPath}/{tile.Z}/{tile.X}/{tile.Y}.mvt", token);
                    if (response.StatusCode == HttpStatusCode.NoContent) Interlocked.Increment(ref empty);
                    else
                    {
                        response.EnsureSuccessStatusCode();
                        Interlocked.Add(ref bytes, (await response.Content.ReadAsByteArrayAsync(token)).Length);
                        Interlocked.Increment(ref ok);
                    }
                });
            Console.WriteLine($"Seeded {list.Count} tiles of {layerPath} (zooms {range}) in {watch.Elapsed.TotalSeconds:F1} s: {ok} with data ({bytes / 1024.0 / 1024.0:F1} MB), {empty} empty.");
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var bbox = BboxOption();
        var zooms = ZoomsOption();
        var layers = LayersOption();
        var output = new Argument<FileInfo>("output") { Description = "The MBTiles file to write (replaced if it exists), e.g. area.mbtiles" };
        var command = new Command("export", "Write the vector tiles of an area into an MBTiles 1.3 file for QGIS and mobile apps.")
        {
            bbox, zooms, layers, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryArea(parse.GetValue(bbox)!, parse.GetValue(zooms)!, parse.GetValue(layers)!, out var box, out var range, out var ids)) return 2;
            var file = parse.GetValue(output)!;
            await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            var exporter = new TileExporter(new PostgisTileSource(dataSource, LayerCatalog.Default) { CommandTimeoutSeconds = 120 }, LayerCatalog.Default);
            var watch = Stopwatch.StartNew();
            var progress = new Progress<(long Done, long Total)>(p => Console.Error.Write($"\r{p.Done}/{p.Total} tiles"));
            int written = await exporter.ExportAsync(file.FullName, ids, box, range, progress, ct);
            Console.Error.WriteLine();
            Console.WriteLine($"Wrote {written} tiles of {string.Join(',', ids)} (zooms {range}) to {file.FullName} in {watch.Elapsed.TotalSeconds:F1} s ({file.Length / 1024.0:F0} KB).");
            return 0;
        });
        return command;
    }

    private static bool TryArea(string bboxText, string zoomsText, string layersText, out BoundingBox box, out ZoomRange range, out IReadOnlyList<string> ids)
    {
        ids = [];
        range = default;
        if (!BoundingBox.TryParse(bboxText, out box, out var error, allowAntimeridian: false))
            return Fail(error!);
        if (box.MinX < -180 || box.MaxX > 180 || box.MinY < -85.06 || box.MaxY > 85.06)
            return Fail("The bbox must be longitude/latitude in degrees (WGS 84), e.g. 114.3,-3.5,115.0,-2.5.");
        if (!ZoomRange.TryParse(zoomsText, out range, out error))
            return Fail(error!);
        var names = layersText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(n => LayerCatalog.Default.Find(n) is null).ToList();
        if (unknown.Count > 0 || names.Length == 0)
            return Fail($"Unknown layer(s) {string.Join(", ", unknown)}; layers are {string.Join(", ", LayerCatalog.Default.Layers.Select(l => l.Id))}.");
        ids = names.Distinct(StringComparer.Ordinal).ToList();
        long count = TileExporter.CountTiles(box, range);
        if (count > MaxTiles)
            return Fail($"That is {count} tiles, more than {MaxTiles}; choose a smaller area or fewer zooms.");
        return true;
    }

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}
