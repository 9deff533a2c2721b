using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>One tile of a region's tessellation: a future village, its seed point and the cells it shares an edge with.</summary>
internal sealed class DemoCell(Polygon polygon, Coordinate site, int[] neighbours)
{
    public Polygon Polygon { get; } = polygon;

    public Coordinate Site { get; } = site;

    /// <summary>Indices (into the region's cell array) of the cells sharing a boundary edge with this one.</summary>
    public int[] Neighbours { get; } = neighbours;
}
