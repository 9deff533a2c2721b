using System.Text.Json.Nodes;
using DesaGis.Core.Mapping;

namespace DesaGis.Rendering.Expressions;

/// <summary>
/// A compiled MapLibre style value: a constant, an expression (<c>["step", ["get", "poverty_rate"], …]</c>) or a
/// legacy function (<c>{"stops": …}</c>). Compiled once when the style is parsed, evaluated per feature.
/// </summary>
public sealed class StyleExpression
{
    private readonly Func<EvaluationContext, object?> _evaluate;

    internal StyleExpression(JsonNode? raw, Func<EvaluationContext, object?> evaluate, bool isConstant)
    {
        Raw = raw;
        _evaluate = evaluate;
        IsConstant = isConstant;
    }

    /// <summary>The JSON the expression was compiled from (legends read its structure).</summary>
    public JsonNode? Raw { get; }

    /// <summary>True when the value depends neither on zoom nor on the feature.</summary>
    public bool IsConstant { get; }

    /// <summary>Compiles a style value; throws <see cref="StyleExpressionException"/> for what is not supported.</summary>
    public static StyleExpression Parse(JsonNode? node) => ExpressionCompiler.CompileValue(node);

    /// <summary>Compiles a layer filter, accepting both expression and legacy filter syntax.</summary>
    public static StyleExpression ParseFilter(JsonNode? node) => ExpressionCompiler.CompileFilter(node);

    public object? Evaluate(EvaluationContext context) => _evaluate(context);

    public object? Evaluate(double zoom, MapFeature? feature = null) => _evaluate(new EvaluationContext(zoom, feature));

    public double? EvaluateNumber(EvaluationContext context) => ExpressionValues.ToNumber(Evaluate(context));

    public bool EvaluateBoolean(EvaluationContext context) => ExpressionValues.ToBoolean(Evaluate(context));

    public string? EvaluateString(EvaluationContext context) => ExpressionValues.ToText(Evaluate(context));

    public override string ToString() => Raw?.ToJsonString() ?? "null";
}
