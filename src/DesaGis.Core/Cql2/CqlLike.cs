namespace DesaGis.Core.Cql2;

/// <summary>
/// <c>value LIKE pattern</c>, with <c>%</c> and <c>_</c> wildcards and <c>\</c> as the escape; case-insensitive when
/// <paramref name="IgnoreCase"/> (Filter Encoding's <c>matchCase="false"</c>).
/// </summary>
public sealed record CqlLike(CqlOperand Value, CqlOperand Pattern, bool IgnoreCase = false) : CqlExpression
{
    public override string ToString() => $"{Value} {(IgnoreCase ? "ILIKE" : "LIKE")} {Pattern}";
}
