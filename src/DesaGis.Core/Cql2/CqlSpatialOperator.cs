namespace DesaGis.Core.Cql2;

/// <summary>The spatial comparison functions of CQL2 (S_INTERSECTS and the other DE-9IM relations).</summary>
public enum CqlSpatialOperator
{
    Intersects,
    Disjoint,
    Equals,
    Touches,
    Within,
    Overlaps,
    Crosses,
    Contains,
}
