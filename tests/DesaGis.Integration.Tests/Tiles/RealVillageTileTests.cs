using System.Globalization;
using System.Text.RegularExpressions;
using DesaGis.Core.Tiles;
using DesaGis.Data.Catalog;
using DesaGis.Data.Geodata;
using DesaGis.Data.Tiles;
using DesaGis.Integration.Tests.Ows;
using DesaGis.Testing;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>
/// Tiles of real villages (the bundled Barito Kuala boundaries, loaded through the importer) from z8 to z14, decoded by
/// GDAL's MVT driver and counted against the plain ST_AsMVT query. The rule (bench/tile-steps.md): our tiles select by
/// the tile with its 64-unit buffer, so they hold every feature the plain query holds, and at most the villages whose
/// box meets the buffered tile.
/// </summary>
public partial class RealVillageTileTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [Fact]
    public async Task Real_village_tiles_decode_with_GDAL_and_keep_the_plain_query_s_features_from_z8_to_z14()
    {
        await BundledGeodataLoader.LoadAsync(db.DataSource, RepositoryPaths.Combine("geodata", "real"), RepositoryPaths.Combine("geodata", "contoh"));
        var source = new PostgisTileSource(db.DataSource, LayerCatalog.Default);
        string plainSql = TileSqlBuilder.Plain(LayerCatalog.Default.Find("villages")!);
        var dir = Directory.CreateTempSubdirectory("desagis-real-tiles-");
        try
        {
            foreach (var offset in new[] { 10, 120 })
            {
                double lon = await db.ScalarAsync<double>("SELECT ST_X(centroid) FROM desagis.desa WHERE kabupaten_kode = '63.04' ORDER BY kode OFFSET $1 LIMIT 1", offset);
                double lat = await db.ScalarAsync<double>("SELECT ST_Y(centroid) FROM desagis.desa WHERE kabupaten_kode = '63.04' ORDER BY kode OFFSET $1 LIMIT 1", offset);
                for (int z = 8; z <= 14; z++)
                {
                    var t = WebMercator.TileAt(lon, lat, z);
                    byte[] ours = await source.GetTileAsync([LayerCatalog.Default.Find("villages")!], t, CancellationToken.None);
                    byte[] plain = await PlainAsync(plainSql, t);
                    long selectable = await db.ScalarAsync<long>(
                        "SELECT count(*) FROM desagis.desa WHERE geom_3857 && ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096)", t.Z, t.X, t.Y);
                    long oursCount = await FeaturesAsync(dir, $"o-{t.Z}-{t.X}-{t.Y}", ours);
                    long plainCount = await FeaturesAsync(dir, $"p-{t.Z}-{t.X}-{t.Y}", plain);
                    Assert.True(plainCount > 0, $"the plain query drew nothing at {t}");
                    Assert.True(oursCount >= plainCount, $"{t}: ours {oursCount} features, plain {plainCount}");
                    Assert.True(oursCount <= selectable, $"{t}: ours {oursCount} features, only {selectable} villages meet the buffered tile");
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private async Task<byte[]> PlainAsync(string sql, TileCoord t)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = t.Z });
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = t.X });
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = t.Y });
        cmd.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = "villages" });
        return await cmd.ExecuteScalarAsync() as byte[] ?? [];
    }

    /// <summary>Writes the tile and has GDAL count the villages layer's features (an empty tile holds none).</summary>
    private static async Task<long> FeaturesAsync(DirectoryInfo dir, string name, byte[] tile)
    {
        if (tile.Length == 0) return 0;
        string path = Path.Combine(dir.FullName, name + ".mvt");
        await File.WriteAllBytesAsync(path, tile);
        string info = await WmsTests.RunAsync("ogrinfo", "-ro", "-so", "-oo", "CLIP=NO", "MVT:" + path, "villages");
        var count = FeatureCount().Match(info);
        Assert.True(count.Success, $"GDAL could not read {name}:\n{info}");
        return long.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();
}
