using DesaGis.Core.Mapping;
using DesaGis.Rendering.Expressions;
using DesaGis.Rendering.Layout;
using DesaGis.Rendering.Legends;
using DesaGis.Rendering.Styles;
using NetTopologySuite.Geometries;

namespace DesaGis.Rendering.Tests;

/// <summary>The viewer's style (a copy of styles/desagis.json) prints: every layer parses, colours and legend agree.</summary>
public class ViewerStyleTests
{
    private static MapStyle Style() => MapStyle.Load(Path.Combine(AppContext.BaseDirectory, "Styles", "viewer-style.json"));

    private static MapFeature Village(double? rate) => new("63.04.01.2001",
        new GeometryFactory().CreatePolygon([new(0, 0), new(1, 0), new(1, 1), new(0, 0)]),
        new Dictionary<string, object?> { ["nama"] = "Sungai Ulin", ["poverty_rate"] = rate });

    [Fact]
    public void Every_layer_of_the_viewer_style_is_understood()
    {
        var style = Style();
        Assert.DoesNotContain(style.Layers, l => l.Type == StyleLayerType.Unsupported);
        Assert.Contains("village_indicators", style.SourceLayers);
    }

    [Theory]
    [InlineData(3.0, "#ffffb2")]
    [InlineData(12.0, "#feb24c")]
    [InlineData(31.0, "#bd0026")]
    [InlineData(null, "#d9d9d9")]
    public void The_poverty_fill_matches_the_viewer_including_villages_without_figures(double? rate, string expected)
    {
        var fill = Style().FindLayer("villages-poverty")!.PaintProperty("fill-color")!;
        Assert.Equal(expected, fill.Evaluate(new EvaluationContext(9, Village(rate))));
    }

    [Fact]
    public void The_legend_comes_from_the_styles_legend_list_for_the_layers_drawn()
    {
        var style = Style();
        var drawn = new[] { style.FindLayer("villages-poverty")!, style.FindLayer("kabupaten-border")!, style.FindLayer("villages-outline")! };
        var legend = LegendBuilder.Build(style, drawn, 9);
        Assert.Equal(["Poverty rate (P0, %)", "Kabupaten/kota border"], legend.Select(g => g.Title));
        Assert.Equal(7, legend[0].Items.Count);
        Assert.Equal(LegendSymbol.Line, legend[1].Items[0].Symbol);
    }

    [Fact]
    public void A_page_printed_with_the_viewer_style_matches_its_baseline()
    {
        var page = new MapPage
        {
            Title = "Kabupaten Barito Kuala",
            Subtitle = "Gaya peta = styles/desagis.json",
            Extent = SampleMap.Extent,
            Data = SampleMap.Data(),
            Overview = SampleMap.Overview(),
        };
        using var stream = new MemoryStream();
        new MapDocumentRenderer(Style()).Render([page],
            new MapPageOptions { Format = MapOutputFormat.Png, Dpi = 96, Date = new DateOnly(2026, 1, 15), Sources = ["Contoh uji"] }, stream);
        ImageAssert.MatchesBaseline(stream.ToArray(), "viewer-style-a4-landscape-96dpi.png");
    }
}
