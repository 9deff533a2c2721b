using System.Globalization;
using DesaGis.Core.Tiles;
using DesaGis.Data;
using Npgsql;

namespace DesaGis.Benchmarks;

/// <summary>
/// Writes the load runs' tile list: a fixed seed picks a zoom by the traffic weights below and a village, and
/// takes the tile under that village, so tiles fall where the data is and repeat as real traffic does.
/// </summary>
public static class TileListWriter
{
    /// <summary>Share of requests per zoom, z5–z14: map users spend most time at regency and district scales.</summary>
    public static readonly (int Zoom, int Weight)[] Weights =
        [(5, 3), (6, 4), (7, 6), (8, 9), (9, 11), (10, 13), (11, 14), (12, 14), (13, 13), (14, 13)];

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArguments(args);
        int count = a.GetInt("count", 4000);
        var rng = new Random(a.GetInt("seed", 20261124));
        string output = a.Get("out", "bench/artifacts/tiles.txt");

        var points = new List<(double Lon, double Lat)>();
        await using (var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-bench"))
        await using (var cmd = dataSource.CreateCommand("SELECT ST_X(centroid), ST_Y(centroid) FROM desagis.desa WHERE centroid IS NOT NULL ORDER BY kode"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) points.Add((reader.GetDouble(0), reader.GetDouble(1)));
        }
        if (points.Count == 0)
        {
            Console.Error.WriteLine("No villages in the database; load the national demo first.");
            return 1;
        }
        int total = Weights.Sum(w => w.Weight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await using var writer = new StreamWriter(output);
        for (int i = 0; i < count; i++)
        {
            int pick = rng.Next(total), zoom = Weights[^1].Zoom;
            foreach (var (z, w) in Weights)
            {
                if (pick < w) { zoom = z; break; }
                pick -= w;
            }
            var (lon, lat) = points[rng.Next(points.Count)];
            var t = WebMercator.TileAt(lon, lat, zoom);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{t.Z}/{t.X}/{t.Y}"));
        }
        Console.WriteLine($"Wrote {count} tiles over {points.Count} villages to {output}.");
        return 0;
    }
}
