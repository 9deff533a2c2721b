using System.Globalization;
using System.Text.Json.Nodes;

namespace DesaGis.Rendering.Qgis;

/// <summary>
/// Turns MapLibre filter expressions (the expression syntax and the legacy one) into QGIS expressions: property
/// tests, comparisons, membership and all/any/not. Anything else gives null, and the caller leaves the style layer
/// out rather than draw it unfiltered.
/// </summary>
public static class QgisExpression
{
    /// <summary>A QGIS field reference: <c>"name"</c>.</summary>
    public static string Field(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A QGIS literal: 'text' (quotes doubled), a number, TRUE/FALSE or NULL.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "TRUE" : "FALSE",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => "'" + Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("'", "''", StringComparison.Ordinal) + "'",
    };

    /// <summary>A number as QGIS writes it.</summary>
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>The QGIS form of a MapLibre filter, or null when it uses something this converter does not know.</summary>
    public static string? FromFilter(JsonNode? filter)
    {
        if (filter is JsonValue v && v.TryGetValue<bool>(out var constant)) return constant ? "TRUE" : "FALSE";
        if (filter is not JsonArray a || a.Count == 0 || !TryString(a[0], out var op)) return null;
        switch (op)
        {
            case "all" or "any":
            {
                var parts = a.Skip(1).Select(FromFilter).ToList();
                if (parts.Count == 0) return op == "all" ? "TRUE" : "FALSE";
                if (parts.Any(p => p is null)) return null;
                return "(" + string.Join(op == "all" ? " AND " : " OR ", parts.Select(p => "(" + p + ")")) + ")";
            }
            case "none":
            {
                var parts = a.Skip(1).Select(FromFilter).ToList();
                if (parts.Any(p => p is null)) return null;
                return parts.Count == 0 ? "TRUE" : "NOT (" + string.Join(" OR ", parts.Select(p => "(" + p + ")")) + ")";
            }
            case "!" when a.Count == 2:
                return FromFilter(a[1]) is { } inner ? "NOT (" + inner + ")" : null;
            case "has" or "!has" when a.Count == 2:
                return Property(a[1]) is { } hasField ? Field(hasField) + (op == "has" ? " IS NOT NULL" : " IS NULL") : null;
            case "==" or "!=" or "<" or "<=" or ">" or ">=" when a.Count == 3:
            {
                var left = Operand(a[1], legacy: TryString(a[1], out _));
                var right = Operand(a[2], legacy: false);
                if (left is null || right is null) return null;
                if (right == "NULL") return left + (op == "==" ? " IS NULL" : op == "!=" ? " IS NOT NULL" : " = NULL");
                var symbol = op switch { "==" => "=", "!=" => "<>", _ => op };
                return $"{left} {symbol} {right}";
            }
            case "in" or "!in" when a.Count >= 2:
            {
                // Legacy ["in", "field", v1, v2, …] or expression ["in", ["get", "field"], ["literal", [v1, v2]]].
                string? field;
                IEnumerable<JsonNode?> values;
                if (TryString(a[1], out var legacyField) && !(a.Count == 3 && a[2] is JsonArray))
                {
                    field = Field(legacyField);
                    values = a.Skip(2);
                }
                else
                {
                    field = Operand(a[1], legacy: false);
                    values = a.Count == 3 && a[2] is JsonArray list && TryString(list[0], out var lit) && lit == "literal" && list[1] is JsonArray items
                        ? items : [];
                }
                var literals = values.Select(Scalar).ToList();
                if (field is null || literals.Count == 0 || literals.Any(l => l is null)) return null;
                var test = $"{field} IN ({string.Join(", ", literals)})";
                return op == "in" ? test : "NOT (" + test + ")";
            }
            case "match" when a.Count >= 5:
            {
                // A boolean match: ["match", input, labels, true|false, …, fallback].
                var input = Operand(a[1], legacy: false);
                if (input is null) return null;
                var tests = new List<string>();
                for (int i = 2; i + 1 < a.Count; i += 2)
                {
                    var labels = (a[i] is JsonArray many ? many : new JsonArray(a[i]?.DeepClone())).Select(Scalar).ToList();
                    if (labels.Any(l => l is null) || a[i + 1] is not JsonValue bv || !bv.TryGetValue<bool>(out var yes)) return null;
                    if (yes) tests.Add($"{input} IN ({string.Join(", ", labels)})");
                }
                if (a[^1] is not JsonValue fv || !fv.TryGetValue<bool>(out var fallback) || fallback) return null;
                return tests.Count == 0 ? "FALSE" : string.Join(" OR ", tests);
            }
        }
        return null;
    }

    /// <summary>The property an expression reads directly (["get", p], possibly inside a conversion), or null.</summary>
    public static string? Property(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var legacy)) return legacy;
        if (node is not JsonArray a || a.Count < 2 || !TryString(a[0], out var op)) return null;
        return op switch
        {
            "get" when a.Count == 2 && TryString(a[1], out var name) => name,
            "to-number" or "to-string" or "number" or "string" or "to-boolean" => Property(a[1]),
            _ => null,
        };
    }

    private static string? Operand(JsonNode? node, bool legacy)
    {
        if (legacy && TryString(node, out var field)) return Field(field);
        if (node is JsonArray a && a.Count >= 1 && TryString(a[0], out var op))
        {
            if (op == "geometry-type") return null;
            if (op == "literal" && a.Count == 2) return Scalar(a[1]);
            return Property(a) is { } p ? Field(p) : null;
        }
        return Scalar(node);
    }

    private static string? Scalar(JsonNode? node) => node switch
    {
        null => "NULL",
        JsonValue v when v.TryGetValue<string>(out var s) => Literal(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => Literal(b),
        JsonValue v when v.TryGetValue<double>(out var d) => Literal(d),
        _ => null,
    };

    internal static bool TryString(JsonNode? node, out string text)
    {
        text = "";
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) { text = s; return true; }
        return false;
    }
}
