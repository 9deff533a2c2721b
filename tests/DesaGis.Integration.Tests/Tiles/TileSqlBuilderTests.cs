using DesaGis.Core.Tiles;
using DesaGis.Data.Catalog;
using DesaGis.Data.Tiles;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>The pure parts: SQL built once per layer, zoom ranges, TileJSON fields.</summary>
public class TileSqlBuilderTests
{
    [Fact]
    public void Low_zoom_village_sql_reads_only_the_generalised_table_and_binds_only_z_x_y_and_the_name()
    {
        var layer = LayerCatalog.Default.Find("village_indicators")!;
        var bands = TileSqlBuilder.Build(layer);
        Assert.Equal([0, 8, 11, 14], bands.Select(b => b.MinZoom).ToArray());

        var low = bands[0].Sql;
        Assert.Contains("\"desagis\".\"desa_tile_geometry\" g", low);
        Assert.DoesNotContain("JOIN", low);
        Assert.Contains("g.\"geom_z5\"", low);
        Assert.DoesNotContain("kecamatan_nama", low);
        Assert.Contains(TileSqlBuilder.LayerNameSlot, low);

        var full = bands[^1].Sql;
        Assert.Contains("v.\"geom_3857\"", full);
        Assert.Contains("\"kecamatan_nama\"", full);
        Assert.DoesNotContain("\"kode10\" AS \"kode10\"", full);

        var combined = TileSqlBuilder.Combine([low, full]);
        Assert.Contains("$4", combined);
        Assert.Contains("$5", combined);
        Assert.DoesNotContain(TileSqlBuilder.LayerNameSlot, combined);
    }

    [Theory]
    [InlineData("5-12", 5, 12)]
    [InlineData("8", 8, 8)]
    [InlineData(" 0 - 3 ", 0, 3)]
    public void Zoom_ranges_parse(string text, int min, int max)
    {
        Assert.True(ZoomRange.TryParse(text, out var range, out _));
        Assert.Equal(new ZoomRange(min, max), range);
    }

    [Theory]
    [InlineData("12-5")]
    [InlineData("a-b")]
    [InlineData("3-30")]
    [InlineData("")]
    public void Bad_zoom_ranges_are_refused_with_a_reason(string text)
    {
        Assert.False(ZoomRange.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TileJSON_of_a_composite_spans_its_layers_zooms()
    {
        var layers = new[] { "kabupaten", "village_indicators" }.Select(id => LayerCatalog.Default.Find(id)!).ToList();
        var json = TileJsonFactory.Create(layers, "http://x/tiles/kabupaten,village_indicators/{z}/{x}/{y}.mvt");
        Assert.Equal(0, json.MinZoom);
        Assert.Equal(16, json.MaxZoom);
        Assert.Equal("kabupaten,village_indicators", json.Name);
        Assert.Equal(["kabupaten", "village_indicators"], json.VectorLayers.Select(l => l.Id).ToArray());
    }
}
