using DesaGis.Core.Layers;

namespace DesaGis.Core.Cql2;

/// <summary>
/// Checks a parsed filter against a layer: every property must be one of the layer's queryables (or its
/// geometry), and every literal must fit the type of what it is compared with. Throws <see cref="CqlException"/>.
/// </summary>
public static class CqlValidator
{
    /// <summary>The public name of every layer's geometry in filters and queryables.</summary>
    public const string GeometryProperty = "geometry";

    public static void Validate(CqlExpression expression, LayerDefinition layer)
    {
        switch (expression)
        {
            case CqlAnd and: foreach (var o in and.Operands) Validate(o, layer); break;
            case CqlOr or: foreach (var o in or.Operands) Validate(o, layer); break;
            case CqlNot not: Validate(not.Operand, layer); break;
            case CqlBooleanConstant: break;
            case CqlComparison c:
                Compatible(TypeOf(c.Left, layer), TypeOf(c.Right, layer), c.ToString());
                break;
            case CqlLike like:
                if (TypeOf(like.Value, layer) != ValueType.String || TypeOf(like.Pattern, layer) != ValueType.String)
                    throw new CqlException($"LIKE compares text with a text pattern; '{like}' involves something that is not text.");
                break;
            case CqlBetween between:
                var t = TypeOf(between.Value, layer);
                Compatible(t, TypeOf(between.Low, layer), between.ToString());
                Compatible(t, TypeOf(between.High, layer), between.ToString());
                break;
            case CqlIn @in:
                // The size first, and the list's text only when there is an error to describe: rebuilding it per item
                // made a long list cost quadratic time.
                if (@in.List.Count > CqlLimits.MaxInValues) throw CqlLimits.TooManyInValues();
                var vt = TypeOf(@in.Value, layer);
                foreach (var item in @in.List)
                {
                    var it = TypeOf(item, layer);
                    if (it != vt) Compatible(vt, it, @in.ToString());
                }
                break;
            case CqlIsNull isNull:
                TypeOf(isNull.Value, layer, allowGeometry: true);
                break;
            case CqlSpatial s:
                if (TypeOf(s.Left, layer, allowGeometry: true) != ValueType.Geometry || TypeOf(s.Right, layer, allowGeometry: true) != ValueType.Geometry)
                    throw new CqlException($"{CqlSpatial.FunctionName(s.Operator)} compares two geometries: the property '{GeometryProperty}' and a WKT geometry or BBOX(...).");
                break;
            default:
                throw new CqlException($"The filter element '{expression}' is not supported.");
        }
    }

    private enum ValueType { String, Number, Boolean, Geometry }

    private static ValueType TypeOf(CqlOperand operand, LayerDefinition layer, bool allowGeometry = false)
    {
        var type = operand switch
        {
            CqlLiteral { Value: string } => ValueType.String,
            CqlLiteral { Value: double } => ValueType.Number,
            CqlLiteral { Value: bool } => ValueType.Boolean,
            CqlGeometry => ValueType.Geometry,
            CqlProperty p => PropertyType(p.Name, layer),
            _ => throw new CqlException($"'{operand}' is not a supported value."),
        };
        if (type == ValueType.Geometry && !allowGeometry)
            throw new CqlException($"Geometries can only be compared with the spatial functions (S_INTERSECTS, …), not with '{Shorten(operand.ToString())}'.");
        return type;
    }

    private static ValueType PropertyType(string name, LayerDefinition layer)
    {
        if (name == GeometryProperty || name == layer.GeometryColumn) return ValueType.Geometry;
        var property = layer.FindProperty(name);
        if (property is null || !property.Queryable)
            throw new CqlException(
                $"'{Shorten(name)}' is not a queryable property of '{layer.Id}'. Queryables: " +
                string.Join(", ", layer.Properties.Where(p => p.Queryable).Select(p => p.Name).Append(GeometryProperty)) + ".");
        return property.Type switch
        {
            Layers.PropertyType.Integer or Layers.PropertyType.Number => ValueType.Number,
            Layers.PropertyType.Boolean => ValueType.Boolean,
            _ => ValueType.String,
        };
    }

    private static void Compatible(ValueType a, ValueType b, string where)
    {
        if (a != b)
            throw new CqlException($"'{Shorten(where)}' compares a {Name(a)} with a {Name(b)}; compare like with like (quote text as 'text', write numbers bare).");
    }

    private static string Name(ValueType t) => t switch
    {
        ValueType.String => "text",
        ValueType.Number => "number",
        ValueType.Boolean => "boolean",
        _ => "geometry",
    };

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
