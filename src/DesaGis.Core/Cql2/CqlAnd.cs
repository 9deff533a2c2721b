namespace DesaGis.Core.Cql2;

/// <summary>All operands hold.</summary>
public sealed record CqlAnd(IReadOnlyList<CqlExpression> Operands) : CqlExpression
{
    public override string ToString() => "(" + string.Join(" AND ", Operands) + ")";
}
