using System.Text.Json;

namespace DesaGis.Core.Cql2;

/// <summary>
/// Parses CQL2 JSON (<c>{"op": "and", "args": [...]}</c>) into the same <see cref="CqlExpression"/> tree as
/// <see cref="Cql2TextParser"/>. Geometry literals are GeoJSON geometries or <c>{"bbox": [...]}</c>.
/// </summary>
public static class Cql2JsonParser
{
    public static CqlExpression Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) throw new CqlException("The filter is empty.");
        if (json.Length > CqlLexer.MaxLength)
            throw new CqlException($"The filter is {json.Length} characters long; at most {CqlLexer.MaxLength} are accepted.");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 100 });
        }
        catch (JsonException ex)
        {
            throw new CqlException($"The filter is not valid JSON ({ex.Message}). A CQL2 JSON filter looks like {{\"op\":\"=\",\"args\":[{{\"property\":\"nama\"}},\"Sungai Lumbah\"]}}.");
        }
        using (doc) return ParseExpression(doc.RootElement);
    }

    private static CqlExpression ParseExpression(JsonElement e)
    {
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False) return new CqlBooleanConstant(e.GetBoolean());
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("op", out var opElement) || opElement.ValueKind != JsonValueKind.String)
            throw new CqlException($"Expected a predicate object with \"op\" and \"args\", found {Describe(e)}.");
        var op = opElement.GetString()!;
        var args = Args(e, op);
        switch (op.ToLowerInvariant())
        {
            case "and":
            case "or":
                if (args.Count < 2) throw new CqlException($"\"{op}\" needs at least two arguments.");
                var list = args.Select(ParseExpression).ToList();
                return op.Equals("and", StringComparison.OrdinalIgnoreCase) ? new CqlAnd(list) : new CqlOr(list);
            case "not":
                Count(op, args, 1);
                return new CqlNot(ParseExpression(args[0]));
            case "=": Count(op, args, 2); return new CqlComparison(CqlComparisonOperator.Equal, Operand(args[0]), Operand(args[1]));
            case "<>": Count(op, args, 2); return new CqlComparison(CqlComparisonOperator.NotEqual, Operand(args[0]), Operand(args[1]));
            case "<": Count(op, args, 2); return new CqlComparison(CqlComparisonOperator.Less, Operand(args[0]), Operand(args[1]));
            case "<=": Count(op, args, 2); return new CqlComparison(CqlComparisonOperator.LessOrEqual, Operand(args[0]), Operand(args[1]));
            case ">": Count(op, args, 2); return new CqlComparison(CqlComparisonOperator.Greater, Operand(args[0]), Operand(args[1]));
            case ">=": Count(op, args, 2); return new CqlComparison(CqlComparisonOperator.GreaterOrEqual, Operand(args[0]), Operand(args[1]));
            case "like": Count(op, args, 2); return new CqlLike(Operand(args[0]), Operand(args[1]));
            case "between":
                if (args.Count == 2 && args[1].ValueKind == JsonValueKind.Array && args[1].GetArrayLength() == 2)
                    return new CqlBetween(Operand(args[0]), Operand(args[1][0]), Operand(args[1][1]));
                Count(op, args, 3);
                return new CqlBetween(Operand(args[0]), Operand(args[1]), Operand(args[2]));
            case "in":
                Count(op, args, 2);
                if (args[1].ValueKind != JsonValueKind.Array || args[1].GetArrayLength() == 0)
                    throw new CqlException("The second argument of \"in\" must be a non-empty array of values.");
                if (args[1].GetArrayLength() > CqlLimits.MaxInValues) throw CqlLimits.TooManyInValues();
                return new CqlIn(Operand(args[0]), args[1].EnumerateArray().Select(Operand).ToList());
            case "isnull":
                Count(op, args, 1);
                return new CqlIsNull(Operand(args[0]));
        }
        if (CqlSpatial.FromFunctionName(op) is { } spatial)
        {
            Count(op, args, 2);
            return new CqlSpatial(spatial, Operand(args[0]), Operand(args[1]));
        }
        throw new CqlException($"The operator \"{Shorten(op)}\" is not supported. Supported: and, or, not, =, <>, <, <=, >, >=, like, between, in, isNull, s_intersects, s_disjoint, s_equals, s_touches, s_within, s_overlaps, s_crosses, s_contains.");
    }

    private static List<JsonElement> Args(JsonElement e, string op)
    {
        if (!e.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array)
            throw new CqlException($"\"{Shorten(op)}\" needs an \"args\" array.");
        return args.EnumerateArray().ToList();
    }

    private static void Count(string op, List<JsonElement> args, int n)
    {
        if (args.Count != n) throw new CqlException($"\"{op}\" takes {n} argument(s), not {args.Count}.");
    }

    private static CqlOperand Operand(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String: return new CqlLiteral(e.GetString()!);
            case JsonValueKind.Number:
                var d = e.GetDouble();
                if (!double.IsFinite(d)) throw new CqlException($"{e.GetRawText()} is not a finite number.");
                return new CqlLiteral(d);
            case JsonValueKind.True:
            case JsonValueKind.False: return new CqlLiteral(e.GetBoolean());
            case JsonValueKind.Object:
                if (e.TryGetProperty("property", out var p))
                {
                    if (p.ValueKind != JsonValueKind.String) throw new CqlException("\"property\" must name a property as a string.");
                    return new CqlProperty(p.GetString()!);
                }
                if (e.TryGetProperty("bbox", out var bbox))
                {
                    if (bbox.ValueKind != JsonValueKind.Array || bbox.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
                        throw new CqlException("\"bbox\" must be an array of 4 (or 6) numbers.");
                    return new CqlGeometry(BoxGeometry.Create(bbox.EnumerateArray().Select(v => v.GetDouble()).ToList(), "The bbox literal"));
                }
                if (e.TryGetProperty("type", out _) && (e.TryGetProperty("coordinates", out _) || e.TryGetProperty("geometries", out _)))
                {
                    var geometry = GeoJsonGeometryReader.Read(e);
                    CqlLimits.CheckGeometry(geometry, "in the filter");
                    return new CqlGeometry(geometry);
                }
                if (e.TryGetProperty("date", out _) || e.TryGetProperty("timestamp", out _) || e.TryGetProperty("interval", out _))
                    throw new CqlException("Temporal literals (date, timestamp, interval) are not supported: the published properties hold years as integers; compare them as numbers.");
                if (e.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.String)
                {
                    var name = op.GetString()!;
                    if (name is "+" or "-" or "*" or "/" or "%" or "^" or "div")
                        throw new CqlException($"Arithmetic (\"{name}\") is not supported in filters; compare a property with a literal value.");
                    throw new CqlException($"The function \"{Shorten(name)}\" is not supported as a value. Use a property, a literal, a GeoJSON geometry or a bbox.");
                }
                throw new CqlException($"Expected a value ({{\"property\": …}}, a literal, a GeoJSON geometry or {{\"bbox\": […]}}), found {Describe(e)}.");
            case JsonValueKind.Array:
                throw new CqlException("Arrays are only allowed as the list of \"in\"; array operators are not supported.");
            default:
                throw new CqlException($"Expected a value, found {Describe(e)}.");
        }
    }

    private static string Describe(JsonElement e) => Shorten(e.GetRawText(), 60);

    private static string Shorten(string s, int max = 40) => s.Length <= max ? s : s[..max] + "…";
}
