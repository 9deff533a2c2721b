namespace DesaGis.Core.Cql2;

/// <summary>The binary comparison operators of Basic CQL2.</summary>
public enum CqlComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
