namespace DesaGis.Core.Cql2;

/// <summary><c>value BETWEEN low AND high</c>, both bounds included.</summary>
public sealed record CqlBetween(CqlOperand Value, CqlOperand Low, CqlOperand High) : CqlExpression
{
    public override string ToString() => $"{Value} BETWEEN {Low} AND {High}";
}
