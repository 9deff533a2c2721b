namespace DesaGis.Core.Cql2;

/// <summary>At least one operand holds.</summary>
public sealed record CqlOr(IReadOnlyList<CqlExpression> Operands) : CqlExpression
{
    public override string ToString() => "(" + string.Join(" OR ", Operands) + ")";
}
