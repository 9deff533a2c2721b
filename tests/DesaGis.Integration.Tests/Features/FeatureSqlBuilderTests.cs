using DesaGis.Core.Features;
using DesaGis.Data.Catalog;
using DesaGis.Data.Features;
using DesaGis.Testing;
using Npgsql;

namespace DesaGis.Integration.Tests.Features;

/// <summary>The item SQL: request values only ever as parameters, and index-friendly spatial conditions, run on PostGIS.</summary>
public class FeatureSqlBuilderTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private static readonly LayerSql Villages = new(LayerCatalog.Default.Find("villages")!);

    private static FeatureQuery Query(params (string Key, string Value)[] p) =>
        FeatureQueryParser.Parse(Villages.Layer, p.ToDictionary(x => x.Key, x => x.Value));

    [Fact]
    public async Task Request_values_never_appear_in_the_SQL_text_and_the_statement_runs()
    {
        const string hostile = "x'); DROP TABLE desagis.desa; --";
        var query = Query(
            ("filter", $"nama = '{hostile.Replace("'", "''", StringComparison.Ordinal)}' OR nama LIKE '%''%' OR kode IN ('a', 'b') OR area_km2 BETWEEN 1 AND 2.5"),
            ("kabupaten_kode", "63.04"), ("bbox", "114.1,-3.5,114.9,-2.5"), ("sortby", "-area_km2"), ("limit", "7"), ("offset", "3"));
        var cmd = FeatureSqlBuilder.Items(Villages, query);
        Assert.DoesNotContain("DROP", cmd.Text);
        Assert.DoesNotContain("63.04", cmd.Text);
        Assert.DoesNotContain("114.1", cmd.Text);
        Assert.DoesNotContain("2.5", cmd.Text);
        Assert.Contains(cmd.Parameters, p => Equals(p.Value, hostile));
        Assert.Contains(cmd.Parameters, p => Equals(p.Value, "63.04"));
        Assert.Contains("\"desagis\".\"desa\"", cmd.Text);
        Assert.Contains("ORDER BY g.\"area_km2\" DESC, g.\"kode\"", cmd.Text);

        await using var command = cmd.CreateCommand(db.DataSource);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.False(await reader.ReadAsync());
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa"));
    }

    [Fact]
    public async Task A_bbox_is_tested_with_the_index_operator_first_and_the_index_is_used()
    {
        var cmd = FeatureSqlBuilder.Items(Villages, Query(("bbox", "114.1,-3.5,114.9,-2.5")));
        Assert.Contains("g.\"geom\" && $", cmd.Text);
        Assert.Contains("ST_Intersects(g.\"geom\", $", cmd.Text);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        // The table is empty, so the planner would rightly scan it; forbid that to see whether the index can serve.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + cmd.Text, conn);
        foreach (var p in cmd.Parameters) explain.Parameters.Add(p.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("desa_geom_idx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bbox_across_the_antimeridian_becomes_two_boxes()
    {
        var cmd = FeatureSqlBuilder.Items(Villages, Query(("bbox", "170,-20,-170,-10")));
        Assert.Equal(2, cmd.Text.Split("&&").Length - 1);
        Assert.Contains(") OR (", cmd.Text);
        var boxes = cmd.Parameters.Select(p => p.Value).OfType<NetTopologySuite.Geometries.Polygon>().Select(p => p.EnvelopeInternal).ToList();
        Assert.Equal(2, boxes.Count);
        Assert.Contains(boxes, e => e.MinX == 170 && e.MaxX == 180);
        Assert.Contains(boxes, e => e.MinX == -180 && e.MaxX == -170);
    }

    [Fact]
    public void The_output_CRS_is_a_parameter_and_latitude_first_is_flipped()
    {
        var utm = FeatureSqlBuilder.Items(Villages, Query(("crs", "EPSG:32750")));
        Assert.Contains("ST_Transform(g.\"geom\", $", utm.Text);
        Assert.Contains(utm.Parameters, p => Equals(p.Value, 32750));
        Assert.DoesNotContain("ST_FlipCoordinates", utm.Text);
        var latFirst = FeatureSqlBuilder.Items(Villages, Query(("crs", "http://www.opengis.net/def/crs/EPSG/0/4326")));
        Assert.Contains("ST_FlipCoordinates(g.\"geom\")", latFirst.Text);
    }
}
