namespace DesaGis.Core.Cql2;

/// <summary>The operand does not hold.</summary>
public sealed record CqlNot(CqlExpression Operand) : CqlExpression
{
    public override string ToString() => "NOT " + Operand;
}
