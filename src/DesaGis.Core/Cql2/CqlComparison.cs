namespace DesaGis.Core.Cql2;

/// <summary>A binary comparison such as <c>poverty_rate &gt;= 15</c>.</summary>
public sealed record CqlComparison(CqlComparisonOperator Operator, CqlOperand Left, CqlOperand Right) : CqlExpression
{
    public static string Symbol(CqlComparisonOperator op) => op switch
    {
        CqlComparisonOperator.Equal => "=",
        CqlComparisonOperator.NotEqual => "<>",
        CqlComparisonOperator.Less => "<",
        CqlComparisonOperator.LessOrEqual => "<=",
        CqlComparisonOperator.Greater => ">",
        CqlComparisonOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public override string ToString() => $"{Left} {Symbol(Operator)} {Right}";
}
