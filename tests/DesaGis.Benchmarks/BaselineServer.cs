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
        var fixedBytes = new byte[a.GetInt("fixed-bytes", 20_000)];
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
        app.MapGet("/fixed", () => Results.Bytes(fixedBytes, "application/vnd.mapbox-vector-tile"));
        await app.RunAsync();
        return 0;
    }
}
