using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DesaGis.Rendering.Styles;
using SkiaSharp;

namespace DesaGis.Rendering.Expressions;

/// <summary>
/// Compiles the subset of the MapLibre expression language a DesaGis style uses into delegates: lookups
/// (<c>get</c>, <c>has</c>, <c>zoom</c>), decisions (<c>match</c>, <c>case</c>, <c>step</c>, <c>coalesce</c>),
/// <c>interpolate</c> over numbers and colours, comparisons and logic, arithmetic and string helpers, plus the
/// legacy filter syntax and <c>{"stops": …}</c> functions that older styles still carry.
/// </summary>
internal static class ExpressionCompiler
{
    private delegate object? Eval(EvaluationContext context);

    public static StyleExpression CompileValue(JsonNode? node)
    {
        bool dynamic = false;
        var eval = node switch
        {
            JsonObject fn => CompileFunction(fn, ref dynamic),
            _ => Compile(node, ref dynamic),
        };
        return new StyleExpression(node, c => eval(c), !dynamic);
    }

    public static StyleExpression CompileFilter(JsonNode? node)
    {
        bool dynamic = false;
        var eval = node is null ? (_ => true) : CompileFilterNode(node, ref dynamic);
        return new StyleExpression(node, c => ExpressionValues.ToBoolean(eval(c)), !dynamic);
    }

    // Vector tiles drop null attributes, so in the viewer a null value is an absent one; "has" agrees with that.

    // Legacy filters (["==", "field", value], ["in", "field", a, b], ["has", "field"]) name the property by a bare
    // string in second place; the expression forms never do (their operands are expressions or literals).
    private static Eval CompileFilterNode(JsonNode node, ref bool dynamic)
    {
        if (node is JsonArray arr && arr.Count > 0 && arr[0] is JsonValue opValue && opValue.TryGetValue<string>(out var op))
        {
            switch (op)
            {
                case "all" or "any" or "none":
                {
                    var parts = new List<Eval>();
                    for (int i = 1; i < arr.Count; i++) parts.Add(CompileFilterNode(arr[i]!, ref dynamic));
                    return op switch
                    {
                        "all" => c => parts.All(p => ExpressionValues.ToBoolean(p(c))),
                        "any" => c => parts.Any(p => ExpressionValues.ToBoolean(p(c))),
                        _ => c => !parts.Any(p => ExpressionValues.ToBoolean(p(c))),
                    };
                }
                case "==" or "!=" or "<" or "<=" or ">" or ">=" when arr.Count == 3 && IsString(arr[1]) && !IsExpression(arr[2]):
                {
                    dynamic = true;
                    var key = arr[1]!.GetValue<string>();
                    var value = Literal(arr[2]);
                    Eval lhs = LegacyKey(key);
                    return Comparison(op, lhs, _ => value);
                }
                case "in" or "!in" when arr.Count >= 2 && IsString(arr[1]) && !(arr.Count == 3 && arr[2] is JsonArray):
                {
                    dynamic = true;
                    var key = LegacyKey(arr[1]!.GetValue<string>());
                    var values = arr.Skip(2).Select(Literal).ToList();
                    bool negate = op == "!in";
                    return c =>
                    {
                        var v = key(c);
                        bool found = values.Any(x => ExpressionValues.Equals(v, x));
                        return negate ? !found : found;
                    };
                }
                case "has" or "!has" when arr.Count == 2 && IsString(arr[1]):
                {
                    dynamic = true;
                    var key = arr[1]!.GetValue<string>();
                    bool negate = op == "!has";
                    return c => (c.Feature?[key] is not null) != negate;
                }
            }
        }
        return Compile(node, ref dynamic);
    }

    private static Eval LegacyKey(string key) => key switch
    {
        "$type" => c => c.GeometryType,
        "$id" => c => c.Feature?.Id,
        _ => c => c.Feature?[key],
    };

    private static bool IsString(JsonNode? n) => n is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static bool IsExpression(JsonNode? n) => n is JsonArray a && a.Count > 0 && IsString(a[0]);

    private static object? Literal(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        JsonArray a => a.Select(Literal).ToList(),
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => Literal(kv.Value)),
        _ => null,
    };

    private static Eval Compile(JsonNode? node, ref bool dynamic)
    {
        switch (node)
        {
            case null:
                return _ => null;
            case JsonValue:
            {
                var value = Literal(node);
                return _ => value;
            }
            case JsonObject:
            {
                var value = Literal(node);
                return _ => value;
            }
        }
        var arr = (JsonArray)node;
        if (arr.Count == 0 || !IsString(arr[0]))
        {
            // A plain array value (a dash pattern, a font stack, an offset).
            var list = Literal(arr);
            return _ => list;
        }
        var op = arr[0]!.GetValue<string>();
        var args = arr.Skip(1).ToList();
        switch (op)
        {
            case "literal":
            {
                var value = Literal(args.FirstOrDefault());
                return _ => value;
            }
            case "get":
            {
                dynamic = true;
                var key = Compile(args[0], ref dynamic);
                return c => ExpressionValues.ToText(key(c)) is string k ? c.Feature?[k] : null;
            }
            case "has":
            {
                dynamic = true;
                var key = Compile(args[0], ref dynamic);
                return c => ExpressionValues.ToText(key(c)) is string k && c.Feature?[k] is not null;
            }
            case "id":
                dynamic = true;
                return c => c.Feature?.Id;
            case "geometry-type":
                dynamic = true;
                return c => c.GeometryType;
            case "zoom":
                dynamic = true;
                return c => c.Zoom;
            case "==" or "!=" or "<" or "<=" or ">" or ">=":
            {
                Require(op, args, 2, 3);
                return Comparison(op, Compile(args[0], ref dynamic), Compile(args[1], ref dynamic));
            }
            case "!":
            {
                var a = Compile(args[0], ref dynamic);
                return c => !ExpressionValues.ToBoolean(a(c));
            }
            case "all" or "any":
            {
                var parts = CompileAll(args, ref dynamic);
                return op == "all"
                    ? c => parts.All(p => ExpressionValues.ToBoolean(p(c)))
                    : c => parts.Any(p => ExpressionValues.ToBoolean(p(c)));
            }
            case "in":
            {
                Require(op, args, 2, 2);
                var needle = Compile(args[0], ref dynamic);
                var haystack = Compile(args[1], ref dynamic);
                return c => haystack(c) switch
                {
                    string s => ExpressionValues.ToText(needle(c)) is string n && s.Contains(n, StringComparison.Ordinal),
                    IEnumerable<object?> list => list.Any(x => ExpressionValues.Equals(x, needle(c))),
                    _ => false,
                };
            }
            case "match":
                return CompileMatch(args, ref dynamic);
            case "case":
            {
                if (args.Count < 3 || args.Count % 2 == 0) throw Bad(op, "needs condition/output pairs and a fallback");
                var conditions = new List<(Eval When, Eval Then)>();
                for (int i = 0; i + 1 < args.Count; i += 2)
                    conditions.Add((Compile(args[i], ref dynamic), Compile(args[i + 1], ref dynamic)));
                var fallback = Compile(args[^1], ref dynamic);
                return c =>
                {
                    foreach (var (when, then) in conditions)
                        if (ExpressionValues.ToBoolean(when(c))) return then(c);
                    return fallback(c);
                };
            }
            case "coalesce":
            {
                var parts = CompileAll(args, ref dynamic);
                return c =>
                {
                    foreach (var p in parts)
                        if (p(c) is { } v) return v;
                    return null;
                };
            }
            case "step":
                return CompileStep(args, ref dynamic);
            case "interpolate" or "interpolate-hcl" or "interpolate-lab":
                return CompileInterpolate(args, ref dynamic);
            case "to-string":
            {
                var a = Compile(args[0], ref dynamic);
                return c => ExpressionValues.ToText(a(c)) ?? "";
            }
            case "to-number":
            {
                var parts = CompileAll(args, ref dynamic);
                return c =>
                {
                    foreach (var p in parts)
                        if (ExpressionValues.ToNumber(p(c)) is double d) return d;
                    return 0.0;
                };
            }
            case "to-boolean":
            {
                var a = Compile(args[0], ref dynamic);
                return c => ExpressionValues.ToBoolean(a(c));
            }
            case "number" or "string" or "boolean" or "array" or "object":
            {
                // Type assertions: the first argument that has the type, else the last.
                var parts = CompileAll(args.Where(a => !(op == "array" && IsString(a))).ToList(), ref dynamic);
                return c =>
                {
                    object? last = null;
                    foreach (var p in parts)
                    {
                        last = p(c);
                        bool fits = op switch
                        {
                            "number" => ExpressionValues.IsNumber(last),
                            "string" => last is string,
                            "boolean" => last is bool,
                            _ => last is not null,
                        };
                        if (fits) return last;
                    }
                    return last;
                };
            }
            case "to-color":
            {
                var a = Compile(args[0], ref dynamic);
                return c => a(c) is { } v ? CssColor.TryParse(v, out var color) ? color : null : null;
            }
            case "rgb" or "rgba":
            {
                var parts = CompileAll(args, ref dynamic);
                return c =>
                {
                    var n = parts.Select(p => ExpressionValues.ToNumber(p(c)) ?? 0).ToArray();
                    byte alpha = n.Length > 3 ? (byte)Math.Round(Math.Clamp(n[3], 0, 1) * 255) : (byte)255;
                    return new SKColor(ClampByte(n[0]), ClampByte(n[1]), ClampByte(n[2]), alpha);
                };
            }
            case "concat":
            {
                var parts = CompileAll(args, ref dynamic);
                return c => string.Concat(parts.Select(p => ExpressionValues.ToText(p(c)) ?? ""));
            }
            case "upcase" or "downcase":
            {
                var a = Compile(args[0], ref dynamic);
                return op == "upcase"
                    ? c => ExpressionValues.ToText(a(c))?.ToUpperInvariant()
                    : c => ExpressionValues.ToText(a(c))?.ToLowerInvariant();
            }
            case "format":
            {
                // Only the text of each section is kept; per-section fonts and scales are not drawn in print.
                var parts = new List<Eval>();
                foreach (var a in args)
                    if (a is not JsonObject) parts.Add(Compile(a, ref dynamic));
                return c => string.Concat(parts.Select(p => ExpressionValues.ToText(p(c)) ?? ""));
            }
            case "number-format":
            {
                var value = Compile(args[0], ref dynamic);
                var options = args.Count > 1 ? args[1] as JsonObject : null;
                int min = (int?)options?["min-fraction-digits"]?.GetValue<double>() ?? 0;
                int max = (int?)options?["max-fraction-digits"]?.GetValue<double>() ?? 3;
                var format = "#,##0." + new string('0', min) + new string('#', Math.Max(0, max - min));
                return c => ExpressionValues.ToNumber(value(c)) is double d ? d.ToString(format, CultureInfo.InvariantCulture) : null;
            }
            case "+" or "*" or "min" or "max":
            {
                var parts = CompileAll(args, ref dynamic);
                return c =>
                {
                    var values = parts.Select(p => ExpressionValues.ToNumber(p(c))).ToList();
                    if (values.Any(v => v is null)) return null;
                    var nums = values.Select(v => v!.Value);
                    return op switch
                    {
                        "+" => nums.Sum(),
                        "*" => nums.Aggregate(1.0, (x, y) => x * y),
                        "min" => nums.Min(),
                        _ => nums.Max(),
                    };
                };
            }
            case "-" or "/" or "%" or "^":
            {
                var a = Compile(args[0], ref dynamic);
                if (args.Count == 1 && op == "-") return c => -(ExpressionValues.ToNumber(a(c)) ?? 0);
                var b = Compile(args[1], ref dynamic);
                return c =>
                {
                    if (ExpressionValues.ToNumber(a(c)) is not double x || ExpressionValues.ToNumber(b(c)) is not double y) return null;
                    return op switch { "-" => x - y, "/" => x / y, "%" => x % y, _ => Math.Pow(x, y) };
                };
            }
            case "round" or "floor" or "ceil" or "abs" or "sqrt":
            {
                var a = Compile(args[0], ref dynamic);
                return c => ExpressionValues.ToNumber(a(c)) is double x
                    ? op switch
                    {
                        "round" => Math.Round(x, MidpointRounding.AwayFromZero),
                        "floor" => Math.Floor(x),
                        "ceil" => Math.Ceiling(x),
                        "abs" => Math.Abs(x),
                        _ => Math.Sqrt(x),
                    }
                    : null;
            }
            case "length":
            {
                var a = Compile(args[0], ref dynamic);
                return c => a(c) switch { string s => (double)s.Length, IList<object?> l => (double)l.Count, _ => null };
            }
            default:
                throw new StyleExpressionException(
                    $"The expression operator '{op}' is not supported in printed maps ({Shorten(node.ToJsonString())}).");
        }
    }

    private static Eval Comparison(string op, Eval left, Eval right) => op switch
    {
        "==" => c => ExpressionValues.Equals(left(c), right(c)),
        "!=" => c => !ExpressionValues.Equals(left(c), right(c)),
        "<" => c => ExpressionValues.Compare(left(c), right(c)) is < 0,
        "<=" => c => ExpressionValues.Compare(left(c), right(c)) is <= 0,
        ">" => c => ExpressionValues.Compare(left(c), right(c)) is > 0,
        _ => c => ExpressionValues.Compare(left(c), right(c)) is >= 0,
    };

    private static Eval CompileMatch(List<JsonNode?> args, ref bool dynamic)
    {
        if (args.Count < 4 || args.Count % 2 != 0) throw Bad("match", "needs an input, label/output pairs and a fallback");
        var input = Compile(args[0], ref dynamic);
        var branches = new List<(List<object?> Labels, Eval Output)>();
        for (int i = 1; i + 1 < args.Count; i += 2)
        {
            var labels = args[i] is JsonArray many ? many.Select(Literal).ToList() : [Literal(args[i])];
            branches.Add((labels, Compile(args[i + 1], ref dynamic)));
        }
        var fallback = Compile(args[^1], ref dynamic);
        return c =>
        {
            var value = input(c);
            foreach (var (labels, output) in branches)
                if (labels.Any(l => ExpressionValues.Equals(l, value))) return output(c);
            return fallback(c);
        };
    }

    private static Eval CompileStep(List<JsonNode?> args, ref bool dynamic)
    {
        if (args.Count < 2 || args.Count % 2 != 0) throw Bad("step", "needs an input, a base output and stop/output pairs");
        var input = Compile(args[0], ref dynamic);
        var baseOutput = Compile(args[1], ref dynamic);
        var stops = new List<(double Stop, Eval Output)>();
        for (int i = 2; i + 1 < args.Count; i += 2)
            stops.Add((NumberLiteral(args[i], "step"), Compile(args[i + 1], ref dynamic)));
        return c =>
        {
            if (ExpressionValues.ToNumber(input(c)) is not double x) return baseOutput(c);
            Eval chosen = baseOutput;
            foreach (var (stop, output) in stops)
            {
                if (x >= stop) chosen = output;
                else break;
            }
            return chosen(c);
        };
    }

    private static Eval CompileInterpolate(List<JsonNode?> args, ref bool dynamic)
    {
        if (args.Count < 4 || args.Count % 2 != 0 || args[0] is not JsonArray kind || kind.Count == 0)
            throw Bad("interpolate", "needs an interpolation type, an input and stop/output pairs");
        double exponentBase = kind[0]!.GetValue<string>() switch
        {
            "linear" => 1,
            "exponential" => kind[1]!.GetValue<double>(),
            // A cubic-bezier is drawn as linear: close enough on paper, and exact at the stops.
            "cubic-bezier" => 1,
            var other => throw Bad("interpolate", $"has an unknown interpolation type '{other}'"),
        };
        var input = Compile(args[1], ref dynamic);
        var stops = new List<(double Stop, Eval Output)>();
        for (int i = 2; i + 1 < args.Count; i += 2)
            stops.Add((NumberLiteral(args[i], "interpolate"), Compile(args[i + 1], ref dynamic)));
        return c => Interpolate(stops, ExpressionValues.ToNumber(input(c)), exponentBase, c);
    }

    private static object? Interpolate(List<(double Stop, Eval Output)> stops, double? input, double exponentBase, EvaluationContext c)
    {
        if (input is not double x) return null;
        if (x <= stops[0].Stop) return stops[0].Output(c);
        if (x >= stops[^1].Stop) return stops[^1].Output(c);
        int i = 0;
        while (x >= stops[i + 1].Stop) i++;
        var (s0, o0) = stops[i];
        var (s1, o1) = stops[i + 1];
        double t = InterpolationFactor(x, s0, s1, exponentBase);
        return Blend(o0(c), o1(c), t);
    }

    internal static double InterpolationFactor(double x, double lower, double upper, double exponentBase)
    {
        double range = upper - lower;
        if (range == 0) return 0;
        double progress = x - lower;
        return exponentBase == 1 ? progress / range : (Math.Pow(exponentBase, progress) - 1) / (Math.Pow(exponentBase, range) - 1);
    }

    private static object? Blend(object? a, object? b, double t)
    {
        if (ExpressionValues.IsNumber(a) && ExpressionValues.IsNumber(b))
        {
            double x = ExpressionValues.ToNumber(a)!.Value, y = ExpressionValues.ToNumber(b)!.Value;
            return x + (y - x) * t;
        }
        if (a is not null && b is not null && CssColor.TryParse(a, out var ca) && CssColor.TryParse(b, out var cb))
            return CssColor.Lerp(ca, cb, t);
        if (a is IList<object?> la && b is IList<object?> lb && la.Count == lb.Count)
            return la.Select((v, k) => Blend(v, lb[k], t)).ToList();
        return t < 0.5 ? a : b;
    }

    // Legacy functions: {"stops": [[zoom, value], …], "base": 1.2} by zoom, or with "property" by a feature's value.
    private static Eval CompileFunction(JsonObject fn, ref bool dynamic)
    {
        if (fn["stops"] is not JsonArray stopsNode)
        {
            var value = Literal(fn);
            return _ => value;
        }
        dynamic = true;
        string? property = fn["property"]?.GetValue<string>();
        double exponentBase = fn["base"]?.GetValue<double>() ?? 1;
        var defaultValue = Literal(fn["default"]);
        var type = fn["type"]?.GetValue<string>() ?? (property is null ? "exponential" : "exponential");
        var stops = stopsNode.Select(s => (s![0]!, Literal(s[1]))).ToList();
        if (stops.Count == 0) throw Bad("stops", "is empty");
        return c =>
        {
            object? input = property is null ? c.Zoom : c.Feature?[property];
            if (type == "categorical")
            {
                foreach (var (stop, value) in stops)
                    if (ExpressionValues.Equals(Literal(stop), input)) return value;
                return defaultValue;
            }
            if (ExpressionValues.ToNumber(input) is not double x) return defaultValue;
            var numeric = stops.Select(s => (Stop: s.Item1.GetValue<double>(), Value: s.Item2)).ToList();
            if (type == "interval")
            {
                object? chosen = numeric[0].Value;
                foreach (var (stop, value) in numeric)
                    if (x >= stop) chosen = value;
                return chosen;
            }
            if (x <= numeric[0].Stop) return numeric[0].Value;
            if (x >= numeric[^1].Stop) return numeric[^1].Value;
            int i = 0;
            while (x >= numeric[i + 1].Stop) i++;
            return Blend(numeric[i].Value, numeric[i + 1].Value,
                InterpolationFactor(x, numeric[i].Stop, numeric[i + 1].Stop, exponentBase));
        };
    }

    private static List<Eval> CompileAll(List<JsonNode?> args, ref bool dynamic)
    {
        var list = new List<Eval>(args.Count);
        foreach (var a in args) list.Add(Compile(a, ref dynamic));
        return list;
    }

    private static double NumberLiteral(JsonNode? node, string op) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? v.GetValue<double>()
            : throw Bad(op, $"needs numeric stops, got {Shorten(node?.ToJsonString() ?? "null")}");

    private static byte ClampByte(double v) => (byte)Math.Round(Math.Clamp(v, 0, 255));

    private static void Require(string op, List<JsonNode?> args, int min, int max)
    {
        if (args.Count < min || args.Count > max) throw Bad(op, $"takes {min}–{max} arguments, got {args.Count}");
    }

    private static StyleExpressionException Bad(string op, string what) => new($"The '{op}' expression {what}.");

    private static string Shorten(string s) => s.Length > 120 ? s[..120] + "…" : s;
}
