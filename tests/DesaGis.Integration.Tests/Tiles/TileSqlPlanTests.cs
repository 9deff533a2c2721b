using DesaGis.Data.Catalog;
using DesaGis.Data.Tiles;
using DesaGis.Testing;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>
/// The tile SQL as PostgreSQL plans it: ST_AsMVTGeom, the costliest step of a tile, must run once per row. A flattened
/// subquery would copy it into the outer NULL filter and run it twice.
/// </summary>
public class TileSqlPlanTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    public static TheoryData<string, int> LayerBands()
    {
        var data = new TheoryData<string, int>();
        foreach (var layer in LayerCatalog.Default.Layers)
        {
            var bands = TileSqlBuilder.Build(layer);
            foreach (var band in bands) data.Add(layer.Id, band.MinZoom);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LayerBands))]
    public async Task Every_band_of_every_layer_evaluates_ST_AsMVTGeom_once_per_row(string layerId, int minZoom)
    {
        var layer = LayerCatalog.Default.Find(layerId)!;
        var band = TileSqlBuilder.Build(layer)
            .Single(b => b.MinZoom == minZoom);
        int z = Math.Max(minZoom, layer.MinZoom);
        string sql = TileSqlBuilder.Combine([band.Sql]);
        int middle = z == 0 ? 0 : 1 << (z - 1);

        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (VERBOSE, COSTS OFF) " + sql, conn);
        explain.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = z });
        explain.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = middle });
        explain.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = middle });
        explain.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = layerId });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        string text = string.Join('\n', plan);
        int calls = text.Split("st_asmvtgeom(", StringSplitOptions.None).Length - 1;
        Assert.True(calls == 1, $"ST_AsMVTGeom appears {calls} times in the plan of {layerId} from z{minZoom}:\n{text}");
    }
}
