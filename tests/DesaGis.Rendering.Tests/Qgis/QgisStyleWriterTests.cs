using System.Text.Json.Nodes;
using System.Xml.Linq;
using DesaGis.Core;
using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Expressions;
using DesaGis.Rendering.Qgis;
using DesaGis.Rendering.Styles;
using NetTopologySuite.Geometries;

namespace DesaGis.Rendering.Tests.Qgis;

public class QgisStyleWriterTests
{
    private static readonly LayerDefinition Villages = Layer("village_indicators", GeometryKind.MultiPolygon,
        new LayerProperty("nama", "nama", PropertyType.String, "Name"), new LayerProperty("poverty_rate", "poverty_rate", PropertyType.Number, "P0"));
    private static readonly LayerDefinition Programs = Layer("programs", GeometryKind.MultiPolygon,
        new LayerProperty("partner_kind", "partner_kind", PropertyType.String, "Kind"));
    private static readonly LayerDefinition Provinces = Layer("provinsi", GeometryKind.MultiPolygon);

    private static LayerDefinition Layer(string id, GeometryKind kind, params LayerProperty[] properties) => new()
    {
        Id = id, Title = id, Description = id, Relation = id, IdColumn = "kode", GeometryKind = kind, Properties = properties,
    };

    private static readonly MapStyle Style = StyleLocator.LoadMainOrDefault();

    [Fact]
    public void Each_poverty_class_of_the_style_becomes_a_rule_drawn_in_the_styles_colour()
    {
        var qml = XDocument.Parse(new QgisStyleWriter(Style).LayerQml(Villages)!);
        Assert.Equal("RuleRenderer", (string?)qml.Root!.Element("renderer-v2")!.Attribute("type"));
        var symbols = qml.Descendants("symbols").Single().Elements("symbol").ToDictionary(s => (string)s.Attribute("name")!);
        var rules = qml.Descendants("rule").Where(r => r.Attribute("symbol") is not null).ToList();
        var fill = Style.Layers.First(l => l.SourceLayer == "village_indicators" && l.Type == StyleLayerType.Fill);
        foreach (var (filter, sample) in new (string, double?)[]
                 {
                     ("\"poverty_rate\" IS NULL", null), ("\"poverty_rate\" < 5", 2), ("\"poverty_rate\" >= 5 AND \"poverty_rate\" < 10", 5),
                     ("\"poverty_rate\" >= 20 AND \"poverty_rate\" < 30", 25), ("\"poverty_rate\" >= 30", 31),
                 })
        {
            var rule = rules.Single(r => (string?)r.Attribute("filter") == filter);
            var symbol = symbols[(string)rule.Attribute("symbol")!];
            var colour = symbol.Descendants("prop").Single(p => (string?)p.Attribute("k") == "color").Attribute("v")!.Value;
            Assert.Equal(Expected(fill, sample), colour);
        }
        // The villages' names are the labels, shown from the style's minzoom on.
        var text = qml.Descendants("text-style").Single();
        Assert.Equal("nama", (string?)text.Attribute("fieldName"));
        Assert.Equal("1", (string?)qml.Root!.Attribute("labelsEnabled"));
    }

    private static string Expected(StyleLayer fill, double? rate)
    {
        var attributes = new Dictionary<string, object?>();
        if (rate is double r) attributes["poverty_rate"] = r;
        var ctx = new EvaluationContext(QgisStyleWriter.RepresentativeZoom, new MapFeature(null, new GeometryFactory().ToGeometry(new Envelope(0, 1, 0, 1)), attributes));
        Assert.True(CssColor.TryParse(fill.PaintProperty("fill-color")!.Evaluate(ctx), out var c));
        double opacity = fill.PaintProperty("fill-opacity")?.EvaluateNumber(ctx) ?? 1;
        return $"{c.Red},{c.Green},{c.Blue},{(int)Math.Round(c.Alpha * opacity)}";
    }

    [Fact]
    public void A_match_becomes_one_rule_per_value_and_a_rule_for_the_rest()
    {
        var qml = XDocument.Parse(new QgisStyleWriter(Style).LayerQml(Programs)!);
        var filters = qml.Descendants("rule").Select(r => (string?)r.Attribute("filter")).OfType<string>().ToList();
        Assert.Contains("\"partner_kind\" = 'government'", filters);
        Assert.Contains("\"partner_kind\" = 'ngo'", filters);
        Assert.Contains("ELSE", filters);
    }

    [Fact]
    public void A_layer_the_style_does_not_draw_has_no_style()
    {
        Assert.Null(new QgisStyleWriter(Style).LayerQml(Provinces));
    }

    [Fact]
    public void Zoom_ranges_become_whole_scale_denominators()
    {
        var style = MapStyle.Parse("""
            {"version":8,"sources":{},"layers":[{"id":"v","type":"fill","source":"s","source-layer":"village_indicators","minzoom":10,"maxzoom":14,
             "filter":["all",["==",["get","jenis"],"desa"],[">=",["get","poverty_rate"],20]],"paint":{"fill-color":"#ff0000"}}]}
            """);
        var qml = XDocument.Parse(new QgisStyleWriter(style).LayerQml(Villages)!);
        var group = qml.Descendants("rule").First();
        Assert.Equal("((\"jenis\" = 'desa') AND (\"poverty_rate\" >= 20))", (string?)group.Attribute("filter"));
        Assert.Equal(Math.Round(QgisStyleWriter.ScaleAt(10)).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)group.Attribute("scalemaxdenom"));
        Assert.Equal(Math.Round(QgisStyleWriter.ScaleAt(14)).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)group.Attribute("scalemindenom"));
        Assert.DoesNotContain('.', (string)group.Attribute("scalemaxdenom")!);
    }

    [Theory]
    [InlineData("""["==", "kind", "SKP"]""", "\"kind\" = 'SKP'")]
    [InlineData("""["!=", ["get", "status"], "completed"]""", "\"status\" <> 'completed'")]
    [InlineData("""["in", "kind", "SKP", "KPB"]""", "\"kind\" IN ('SKP', 'KPB')")]
    [InlineData("""["in", ["get", "kind"], ["literal", ["SKP", "O'Neil"]]]""", "\"kind\" IN ('SKP', 'O''Neil')")]
    [InlineData("""["!", ["has", "poverty_rate"]]""", "NOT (\"poverty_rate\" IS NOT NULL)")]
    [InlineData("""["any", ["<", ["get", "a"], 1], ["==", ["get", "b"], null]]""", "((\"a\" < 1) OR (\"b\" IS NULL))")]
    [InlineData("""["match", ["get", "kind"], ["SKP", "KPB"], true, false]""", "\"kind\" IN ('SKP', 'KPB')")]
    public void MapLibre_filters_become_QGIS_expressions(string filter, string expected)
    {
        Assert.Equal(expected, QgisExpression.FromFilter(JsonNode.Parse(filter)));
    }

    [Fact]
    public void Filters_it_cannot_translate_give_nothing_rather_than_a_wrong_expression()
    {
        Assert.Null(QgisExpression.FromFilter(JsonNode.Parse("""["==", ["geometry-type"], "Polygon"]""")));
        Assert.Null(QgisExpression.FromFilter(JsonNode.Parse("""[">", ["*", ["get", "a"], 2], 3]""")));
    }

    [Fact]
    public void The_project_refers_to_the_package_files_by_relative_paths_and_opens_on_the_area()
    {
        var area = new BoundingBox(114.5, -2.6, 114.6, -2.5);
        var xml = new QgisStyleWriter(Style).Project(new QgisProject("Kecamatan Uji", area, "paket.gpkg", [Programs, Villages],
            new HashSet<string> { "village_indicators" }, "paket.mbtiles", [Villages, Programs]));
        var doc = XDocument.Parse(xml);
        Assert.Equal(["./paket.gpkg|layername=programs", "./paket.gpkg|layername=village_indicators", "type=mbtiles&url=./paket.mbtiles"],
            doc.Descendants("datasource").Select(d => d.Value).Order(StringComparer.Ordinal));
        Assert.Equal("false", doc.Descendants("Absolute").Single().Value);
        Assert.Equal("1", doc.Descendants("ProjectionsEnabled").Single().Value);
        Assert.Equal("EPSG:3857", doc.Element("qgis")!.Element("projectCrs")!.Descendants("authid").Single().Value);
        var tree = doc.Descendants("layer-tree-layer").ToDictionary(l => (string)l.Attribute("source")!, l => (string)l.Attribute("checked")!);
        Assert.Equal("Qt::Checked", tree["./paket.gpkg|layername=village_indicators"]);
        Assert.Equal("Qt::Unchecked", tree["./paket.gpkg|layername=programs"]);
        // The villages are drawn from the GeoPackage, so the basemap leaves them out (no names written twice).
        var basemap = doc.Descendants("maplayer").Single(m => (string?)m.Attribute("type") == "vector-tile");
        Assert.DoesNotContain(basemap.Descendants("style"), s => (string?)s.Attribute("layer") == "village_indicators");
        Assert.Contains(basemap.Descendants("style"), s => (string?)s.Attribute("layer") == "programs");
        var view = doc.Descendants("DefaultViewExtent").Single();
        var (x0, _) = Core.Tiles.WebMercator.FromLonLat(114.5, -2.6);
        Assert.True(double.Parse((string)view.Attribute("xmin")!, System.Globalization.CultureInfo.InvariantCulture) < x0);
    }
}
