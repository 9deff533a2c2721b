using System.Text.Json.Nodes;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Expressions;
using DesaGis.Rendering.Styles;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace DesaGis.Rendering.Tests;

public class ExpressionTests
{
    private static MapFeature Village(params (string Key, object? Value)[] attrs) => new("63.04.01.2001",
        new GeometryFactory().CreatePoint(new Coordinate(114.6, -3.0)), attrs.ToDictionary(a => a.Key, a => a.Value));

    private static object? Eval(string json, MapFeature? feature = null, double zoom = 10) =>
        StyleExpression.Parse(JsonNode.Parse(json)).Evaluate(zoom, feature);

    [Theory]
    [InlineData(5.0, "#ffffcc")]
    [InlineData(10.0, "#fed976")]
    [InlineData(19.99, "#fd8d3c")]
    [InlineData(45.0, "#800026")]
    public void Step_picks_the_class_of_the_value(double rate, string expected)
    {
        const string step = """["step", ["get", "poverty_rate"], "#ffffcc", 10, "#fed976", 15, "#fd8d3c", 30, "#800026"]""";
        Assert.Equal(expected, Eval(step, Village(("poverty_rate", rate))));
    }

    [Fact]
    public void Step_falls_back_to_the_base_output_when_the_value_is_missing()
    {
        Assert.Equal("#ccc", Eval("""["step", ["get", "poverty_rate"], "#ccc", 10, "#f00"]""", Village()));
    }

    [Fact]
    public void Match_maps_labels_and_label_lists_and_falls_back()
    {
        const string match = """["match", ["get", "idm_status"], ["MANDIRI", "MAJU"], "green", "TERTINGGAL", "orange", "grey"]""";
        Assert.Equal("green", Eval(match, Village(("idm_status", "MAJU"))));
        Assert.Equal("orange", Eval(match, Village(("idm_status", "TERTINGGAL"))));
        Assert.Equal("grey", Eval(match, Village(("idm_status", "BERKEMBANG"))));
    }

    [Fact]
    public void Interpolate_blends_numbers_by_zoom()
    {
        const string width = """["interpolate", ["linear"], ["zoom"], 8, 1, 12, 3]""";
        Assert.Equal(1.0, Eval(width, zoom: 5));
        Assert.Equal(2.0, Eval(width, zoom: 10));
        Assert.Equal(3.0, Eval(width, zoom: 14));
    }

    [Fact]
    public void Interpolate_blends_colours_in_rgb()
    {
        var color = Eval("""["interpolate", ["linear"], ["get", "idm_score"], 0, "#000000", 1, "#ffffff"]""", Village(("idm_score", 0.5)));
        var c = Assert.IsType<SKColor>(color);
        Assert.InRange(c.Red, 127, 128);
        Assert.Equal(c.Red, c.Green);
    }

    [Fact]
    public void Exponential_interpolation_weights_towards_the_upper_stop_late()
    {
        var value = (double)Eval("""["interpolate", ["exponential", 2], ["zoom"], 0, 0, 2, 3]""", zoom: 1)!;
        Assert.Equal(1.0, value, 6); // (2^1 - 1) / (2^2 - 1) * 3
    }

    [Fact]
    public void Case_and_coalesce_choose_the_first_that_applies()
    {
        const string expr = """["case", [">", ["coalesce", ["get", "program_count"], 0], 0], "covered", "uncovered"]""";
        Assert.Equal("covered", Eval(expr, Village(("program_count", 2L))));
        Assert.Equal("uncovered", Eval(expr, Village(("program_count", null))));
        Assert.Equal("uncovered", Eval(expr, Village()));
    }

    [Fact]
    public void Comparisons_treat_integers_and_doubles_alike()
    {
        Assert.Equal(true, Eval("""["==", ["get", "population"], 1200]""", Village(("population", 1200))));
        Assert.Equal(true, Eval("""[">=", ["get", "population"], 1000.5]""", Village(("population", 1200L))));
        Assert.Equal(false, Eval("""["<", ["get", "nama"], 3]""", Village(("nama", "Lepasan"))));
    }

    [Fact]
    public void Legacy_filters_name_properties_by_bare_strings()
    {
        var filter = StyleExpression.ParseFilter(JsonNode.Parse("""["all", ["==", "jenis", "desa"], ["in", "idm_status", "MAJU", "MANDIRI"], ["has", "nama"]]"""));
        Assert.True(filter.EvaluateBoolean(new EvaluationContext(10, Village(("jenis", "desa"), ("idm_status", "MAJU"), ("nama", "A")))));
        Assert.False(filter.EvaluateBoolean(new EvaluationContext(10, Village(("jenis", "kelurahan"), ("idm_status", "MAJU"), ("nama", "A")))));
        Assert.False(filter.EvaluateBoolean(new EvaluationContext(10, Village(("jenis", "desa"), ("idm_status", "TERTINGGAL"), ("nama", "A")))));
    }

    [Fact]
    public void Expression_filters_work_alongside_geometry_type()
    {
        var filter = StyleExpression.ParseFilter(JsonNode.Parse("""["all", ["==", ["geometry-type"], "Point"], ["in", ["get", "kind"], ["literal", ["SP", "UPT"]]]]"""));
        Assert.True(filter.EvaluateBoolean(new EvaluationContext(10, Village(("kind", "SP")))));
        Assert.False(filter.EvaluateBoolean(new EvaluationContext(10, Village(("kind", "SKP")))));
    }

    [Fact]
    public void Legacy_stop_functions_work_by_zoom_and_by_property()
    {
        Assert.Equal(2.0, Eval("""{"stops": [[6, 1], [10, 3]]}""", zoom: 8));
        Assert.Equal("#f00", Eval("""{"property": "idm_status", "type": "categorical", "stops": [["MAJU", "#0f0"], ["TERTINGGAL", "#f00"]]}""",
            Village(("idm_status", "TERTINGGAL"))));
    }

    [Fact]
    public void String_helpers_build_label_text()
    {
        Assert.Equal("DESA LEPASAN (12.5 %)", Eval(
            """["concat", ["upcase", ["get", "nama"]], " (", ["number-format", ["get", "poverty_rate"], {"max-fraction-digits": 1}], " %)"]""",
            Village(("nama", "Desa Lepasan"), ("poverty_rate", 12.46))));
    }

    [Fact]
    public void Unsupported_operators_are_rejected_with_their_name()
    {
        var ex = Assert.Throws<StyleExpressionException>(() => Eval("""["distance", ["literal", {}]]"""));
        Assert.Contains("distance", ex.Message);
    }

    [Theory]
    [InlineData("#f00", 255, 0, 0, 255)]
    [InlineData("#ff000080", 255, 0, 0, 128)]
    [InlineData("rgba(10, 20, 30, 0.5)", 10, 20, 30, 128)]
    [InlineData("hsl(120, 100%, 25%)", 0, 128, 0, 255)]
    [InlineData("steelblue", 70, 130, 180, 255)]
    public void Css_colours_parse(string text, int r, int g, int b, int a)
    {
        var c = CssColor.Parse(text);
        Assert.Equal((r, g, b, a), (c.Red, c.Green, c.Blue, c.Alpha));
    }
}
