namespace DesaGis.Core.Cql2;

/// <summary>A filter that is simply TRUE or FALSE.</summary>
public sealed record CqlBooleanConstant(bool Value) : CqlExpression
{
    public override string ToString() => Value ? "TRUE" : "FALSE";
}
