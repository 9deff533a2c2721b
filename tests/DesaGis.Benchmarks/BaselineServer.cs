using DesaGis.Core.Tiles;
using DesaGis.Data;
using DesaGis.Data.Catalog;
using DesaGis.Data.Tiles;
using Npgsql;

namespace DesaGis.Benchmarks;

/// <summary>
/// The yardsticks of the load runs, on Kestrel like the real server: <c>/baseline/{z}/{x}/{y}.mvt</c> answers the
/// plain PostGIS query (full geometry, every attribute, no generalisation, no cache) through the same Npgsql data
/// source settings, and <c>/fixed</c> returns a fixed byte array from memory.
/// </summary>
public static class BaselineServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new BenchArguments(args);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(a.Get("urls", "http://127.0.0.1:8091"));
        var app = builder.Build();

        var csb = new NpgsqlConnectionStringBuilder(DesaGisDataSource.FromEnvironment()) { MaxPoolSize = a.GetInt("pool", 50) };
        await using var dataSource = DesaGisDataSource.Create(csb.ConnectionString, "desagis-bench-baseline");
        var layer = LayerCatalog.Default.Find(a.Get("layer", "village_indicators"))!;
        string sql = TileSqlBuilder.Plain(layer);
        // Fixed responses per tile URL, each as long as the real tile there (from --sizes: "z/x/y bytes" lines), all
        // slices of one random buffer in memory: Kestrel sending the same bytes our cache would, with nothing else to do.
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (a.Get("sizes", "") is { Length: > 0 } sizesFile)
            foreach (var line in File.ReadLines(sizesFile))
                if (line.Split(' ') is [var key, var size]) sizes[key] = int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
        var fixedBytes = new byte[Math.Max(1, sizes.Count == 0 ? 20_000 : sizes.Values.Max())];
        new Random(42).NextBytes(fixedBytes);

        app.MapGet("/baseline/{z:int}/{x:int}/{y:int}.mvt", async (int z, int x, int y, HttpContext http, CancellationToken ct) =>
        {
            if (TileCoord.TryCreate(z, x, y, out _) is null) return Results.BadRequest();
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand(sql, conn);
            cmd.Parameters.AddWithValue(z);
            cmd.Parameters.AddWithValue(x);
            cmd.Parameters.AddWithValue(y);
            cmd.Parameters.AddWithValue(layer.Id);
            await cmd.PrepareAsync(ct);
            var bytes = await cmd.ExecuteScalarAsync(ct) as byte[] ?? [];
            return bytes.Length == 0 ? Results.NoContent() : Results.Bytes(bytes, "application/vnd.mapbox-vector-tile");
        });
        app.MapGet("/fixed/{z}/{x}/{y}.mvt", (string z, string x, string y) =>
            sizes.TryGetValue($"{z}/{x}/{y}", out int size) && size > 0
                ? Results.Bytes(fixedBytes.AsMemory(0, size), "application/vnd.mapbox-vector-tile")
                : Results.NoContent());
        await app.RunAsync();
        return 0;
    }
}
