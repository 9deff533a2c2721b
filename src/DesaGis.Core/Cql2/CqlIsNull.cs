namespace DesaGis.Core.Cql2;

/// <summary><c>value IS NULL</c>.</summary>
public sealed record CqlIsNull(CqlOperand Value) : CqlExpression
{
    public override string ToString() => $"{Value} IS NULL";
}
