namespace DesaGis.Core.Cql2;

/// <summary><c>value IN (a, b, …)</c>.</summary>
public sealed record CqlIn(CqlOperand Value, IReadOnlyList<CqlOperand> List) : CqlExpression
{
    public override string ToString() => $"{Value} IN ({string.Join(", ", List)})";
}
