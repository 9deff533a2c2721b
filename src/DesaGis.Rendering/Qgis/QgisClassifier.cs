using System.Globalization;
using System.Text.Json.Nodes;
using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Styles;
using NetTopologySuite.Geometries;

namespace DesaGis.Rendering.Qgis;

/// <summary>
/// Splits a data-driven MapLibre style layer into the classes QGIS draws with one symbol each. It reads only the
/// structure of the paint expressions — which property they classify by, the thresholds of <c>step</c>s and
/// comparisons, the labels of <c>match</c>es, tests for a missing value — and leaves the colours to the style's own
/// expressions, evaluated at a sample feature of each class, so QGIS shows exactly the classes the renderer draws.
/// Paint that depends on more than one property is drawn with one symbol (its value for a feature without data).
/// </summary>
public static class QgisClassifier
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>The classes of a layer's paint properties; labels come from the style's legend entry when it has one.</summary>
    public static IReadOnlyList<QgisClass> Classes(StyleLayer layer, IEnumerable<string> paintNames, GeometryKind kind, JsonObject? legendEntry)
    {
        var nodes = paintNames.Select(n => layer.PaintProperty(n)?.Raw).Where(n => n is not null).ToList();
        var properties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes) CollectProperties(node, properties);
        var geometry = SampleGeometry(kind);
        if (properties.Count != 1)
            return [new QgisClass(null, Title(layer, legendEntry), Sample(geometry, null, null))];

        var property = properties.First();
        var thresholds = new SortedSet<double>();
        var labels = new List<object>();
        foreach (var node in nodes) CollectBreaks(node, property, thresholds, labels);
        var field = QgisExpression.Field(property);
        var classes = new List<QgisClass>();
        if (labels.Count > 0)
        {
            foreach (var label in labels.Distinct())
                classes.Add(new QgisClass($"{field} = {QgisExpression.Literal(label)}", Label(legendEntry, value: label) ?? Text(label),
                    Sample(geometry, property, label)));
            classes.Add(new QgisClass("ELSE", Label(legendEntry, other: true) ?? "Lainnya / other", Sample(geometry, null, null)));
            return classes;
        }
        // A missing figure is a class of its own: QGIS compares NULL with nothing, so it would otherwise vanish.
        classes.Add(new QgisClass($"{field} IS NULL", Label(legendEntry, nodata: true) ?? "Tidak ada data / no data", Sample(geometry, null, null)));
        if (thresholds.Count == 0)
        {
            classes.Add(new QgisClass($"{field} IS NOT NULL", Title(layer, legendEntry), Sample(geometry, property, 0.0)));
            return classes;
        }
        var t = thresholds.ToList();
        classes.Add(new QgisClass($"{field} < {QgisExpression.Number(t[0])}", Label(legendEntry, max: t[0]) ?? "< " + QgisExpression.Number(t[0]),
            Sample(geometry, property, t[0] - Math.Max(1, Math.Abs(t[0]) * 1e-6))));
        for (int i = 0; i < t.Count; i++)
        {
            bool last = i == t.Count - 1;
            var filter = last
                ? $"{field} >= {QgisExpression.Number(t[i])}"
                : $"{field} >= {QgisExpression.Number(t[i])} AND {field} < {QgisExpression.Number(t[i + 1])}";
            var label = Label(legendEntry, min: t[i], max: last ? null : t[i + 1])
                ?? (last ? "≥ " + QgisExpression.Number(t[i]) : QgisExpression.Number(t[i]) + " – " + QgisExpression.Number(t[i + 1]));
            classes.Add(new QgisClass(filter, label, Sample(geometry, property, t[i])));
        }
        return classes;
    }

    /// <summary>A layer's legend title: its legend entry's, else its id.</summary>
    public static string Title(StyleLayer layer, JsonObject? legendEntry) =>
        legendEntry?["title"]?.GetValue<string>() ?? layer.Id;

    private static MapFeature Sample(Geometry geometry, string? property, object? value) =>
        new(null, geometry, property is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { [property] = value });

    private static Geometry SampleGeometry(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => Factory.CreatePoint(new Coordinate(0, 0)),
        GeometryKind.MultiLineString => Factory.CreateLineString([new Coordinate(0, 0), new Coordinate(1, 1)]),
        _ => Factory.ToGeometry(new Envelope(0, 1, 0, 1)),
    };

    private static void CollectProperties(JsonNode? node, HashSet<string> properties)
    {
        if (node is not JsonArray a || a.Count == 0) return;
        if (QgisExpression.TryString(a[0], out var op) && op is "get" or "has" or "!has" && a.Count == 2 && QgisExpression.TryString(a[1], out var name))
        {
            properties.Add(name);
            return;
        }
        foreach (var child in a) CollectProperties(child, properties);
    }

    private static void CollectBreaks(JsonNode? node, string property, SortedSet<double> thresholds, List<object> labels)
    {
        if (node is not JsonArray a || a.Count == 0) return;
        if (QgisExpression.TryString(a[0], out var op))
        {
            switch (op)
            {
                case "step" when a.Count >= 3 && Reads(a[1], property):
                    for (int i = 3; i < a.Count; i += 2) if (Number(a[i]) is double s) thresholds.Add(s);
                    break;
                case "interpolate" or "interpolate-hcl" or "interpolate-lab" when a.Count >= 5 && Reads(a[2], property):
                    for (int i = 3; i < a.Count; i += 2) if (Number(a[i]) is double s) thresholds.Add(s);
                    break;
                case "==" or "!=" or "<" or "<=" or ">" or ">=" when a.Count == 3 && Reads(a[1], property):
                    if (Number(a[2]) is double c) thresholds.Add(op is "<=" or ">" ? NextUp(c) : c);
                    else if (Scalar(a[2]) is { } s2) labels.Add(s2);
                    break;
                case "match" when a.Count >= 5 && Reads(a[1], property):
                    for (int i = 2; i + 1 < a.Count; i += 2)
                        foreach (var label in a[i] is JsonArray many ? many : new JsonArray(a[i]?.DeepClone()))
                            if (Scalar(label) is { } s) labels.Add(s);
                    break;
            }
        }
        foreach (var child in a) CollectBreaks(child, property, thresholds, labels);
    }

    // "> c" and "<= c" change class just above c.
    private static double NextUp(double c) => Math.BitIncrement(c);

    private static bool Reads(JsonNode? input, string property) => QgisExpression.Property(input) == property;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static object? Scalar(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => null,
    };

    private static string Text(object value) => value switch
    {
        double d => QgisExpression.Number(d),
        bool b => b ? "ya / yes" : "tidak / no",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace('_', ' ') ?? "",
    };

    // The label the style's legend gives a class, found by its bounds or value.
    private static string? Label(JsonObject? legendEntry, double? min = null, double? max = null, object? value = null, bool nodata = false, bool other = false)
    {
        if (legendEntry?["classes"] is not JsonArray classes) return null;
        foreach (var c in classes.OfType<JsonObject>())
        {
            var label = c["label"]?.GetValue<string>();
            if (label is null) continue;
            bool isNodata = c["nodata"] is JsonValue n && n.TryGetValue<bool>(out var nd) && nd;
            if (nodata) { if (isNodata) return label; continue; }
            if (isNodata || other) continue;
            if (value is not null)
            {
                if (c["value"] is JsonValue cv && Equals(Scalar(cv), value)) return label;
                continue;
            }
            double? cmin = Number(c["min"]), cmax = Number(c["max"]);
            bool minMatches = cmin == min || (min is null && cmin is null or 0);
            if (minMatches && cmax == max) return label;
        }
        return null;
    }
}
