namespace DesaGis.Core.Cql2;

/// <summary><c>value LIKE pattern</c>, with <c>%</c> and <c>_</c> wildcards and <c>\</c> as the escape.</summary>
public sealed record CqlLike(CqlOperand Value, CqlOperand Pattern) : CqlExpression
{
    public override string ToString() => $"{Value} LIKE {Pattern}";
}
