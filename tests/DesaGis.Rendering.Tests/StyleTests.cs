using DesaGis.Rendering.Legends;
using DesaGis.Rendering.Styles;

namespace DesaGis.Rendering.Tests;

public class StyleTests
{
    [Fact]
    public void The_print_style_parses_with_its_layers_in_order()
    {
        var style = SampleMap.Style();
        Assert.Equal("background", style.Layers[0].Id);
        Assert.Equal(StyleLayerType.Fill, style.FindLayer("village-poverty")!.Type);
        Assert.Equal("village_indicators", style.FindLayer("village-poverty")!.SourceLayer);
        Assert.Contains("kabupaten", style.SourceLayers);
        Assert.Equal(9, style.FindLayer("village-labels")!.MinZoom);
    }

    [Fact]
    public void Zoom_ranges_include_minzoom_and_exclude_maxzoom()
    {
        var labels = SampleMap.Style().FindLayer("kecamatan-labels")!;
        Assert.True(labels.IsShownAt(9.99));
        Assert.False(labels.IsShownAt(10));
    }

    [Fact]
    public void The_bundled_style_and_the_repository_style_locator_give_a_usable_style()
    {
        var style = StyleLocator.LoadDefault();
        Assert.NotEmpty(style.Layers);
        Assert.Contains(style.Layers, l => l.Type == StyleLayerType.Symbol);
    }

    [Fact]
    public void Malformed_styles_fail_with_the_layer_named()
    {
        Assert.Throws<StyleException>(() => MapStyle.Parse("{ not json"));
        Assert.Throws<StyleException>(() => MapStyle.Parse("""{"version": 7, "layers": []}"""));
        var ex = Assert.Throws<StyleException>(() => MapStyle.Parse(
            """{"version": 8, "layers": [{"id": "odd", "type": "fill", "paint": {"fill-color": ["within", {}]}}]}"""));
        Assert.Contains("odd", ex.Message);
    }

    [Fact]
    public void Layers_of_other_types_are_kept_but_not_drawn()
    {
        var style = MapStyle.Parse("""{"version": 8, "layers": [{"id": "sat", "type": "raster", "source": "imagery"}]}""");
        Assert.Equal(StyleLayerType.Unsupported, style.Layers[0].Type);
        Assert.Empty(style.SourceLayers);
    }

    [Fact]
    public void A_declared_legend_is_used_as_written()
    {
        var style = SampleMap.Style();
        var legend = LegendBuilder.Build([style.FindLayer("village-poverty")!], 10);
        var group = Assert.Single(legend);
        Assert.Equal("Penduduk miskin (P0, %)", group.Title);
        Assert.Equal(6, group.Items.Count);
        Assert.Equal("≥ 30 %", group.Items[^1].Label);
    }

    [Fact]
    public void A_legend_is_derived_from_step_and_match_paint_when_none_is_declared()
    {
        var style = MapStyle.Parse("""
        {"version": 8, "layers": [
          {"id": "poverty", "type": "fill", "source-layer": "village_indicators",
           "paint": {"fill-color": ["step", ["get", "poverty_rate"], "#ffffcc", 10, "#fd8d3c", 20, "#800026"]}},
          {"id": "idm", "type": "circle", "source-layer": "village_indicators",
           "paint": {"circle-color": ["match", ["get", "idm_status"], "MANDIRI", "#1a9850", "TERTINGGAL", "#d73027", "#999999"]}},
          {"id": "roads", "type": "line", "source-layer": "roads", "paint": {"line-color": "#333"}},
          {"id": "labels", "type": "symbol", "source-layer": "village_indicators", "layout": {"text-field": ["get", "nama"]}}
        ]}
        """);
        var legend = LegendBuilder.Build(style.Layers, 10);
        Assert.Equal(3, legend.Count);
        Assert.Equal("Poverty rate", legend[0].Title);
        Assert.Equal(["< 10", "10–20", "≥ 20"], legend[0].Items.Select(i => i.Label));
        Assert.Equal(["MANDIRI", "TERTINGGAL", "Lainnya / other"], legend[1].Items.Select(i => i.Label));
        Assert.Equal(LegendSymbol.Circle, legend[1].Items[0].Symbol);
        Assert.Equal("Roads", legend[2].Title);
        Assert.Equal(LegendSymbol.Line, legend[2].Items[0].Symbol);
    }
}
