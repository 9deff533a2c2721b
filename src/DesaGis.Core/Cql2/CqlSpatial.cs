namespace DesaGis.Core.Cql2;

/// <summary>A spatial predicate such as <c>S_INTERSECTS(geometry, POLYGON(...))</c>.</summary>
public sealed record CqlSpatial(CqlSpatialOperator Operator, CqlOperand Left, CqlOperand Right) : CqlExpression
{
    /// <summary>The CQL2 function name of each operator.</summary>
    public static string FunctionName(CqlSpatialOperator op) => "S_" + op.ToString().ToUpperInvariant();

    /// <summary>Looks an operator up by its CQL2 function name (case-insensitive); null when it is not spatial.</summary>
    public static CqlSpatialOperator? FromFunctionName(string name)
    {
        foreach (var op in Enum.GetValues<CqlSpatialOperator>())
            if (string.Equals(FunctionName(op), name, StringComparison.OrdinalIgnoreCase)) return op;
        return null;
    }

    public override string ToString() => $"{FunctionName(Operator)}({Left}, {Right})";
}
