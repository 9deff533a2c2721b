using DesaGis.Core;
using DesaGis.Core.Mapping;
using NetTopologySuite.Geometries;

namespace DesaGis.Rendering.Layout;

/// <summary>The content of one printed page: what area, which data, and what to call it.</summary>
public sealed record MapPage
{
    public required string Title { get; init; }

    /// <summary>A second line under the title (e.g. "Kecamatan X, Kabupaten Y").</summary>
    public string? Subtitle { get; init; }

    /// <summary>The lon/lat box the map must show (it is widened to the frame's proportions).</summary>
    public required BoundingBox Extent { get; init; }

    public required MapData Data { get; init; }

    /// <summary>An area outlined on top of the map (the village of an atlas page), or null.</summary>
    public Geometry? Focus { get; init; }

    /// <summary>Context polygons (e.g. the kabupaten of the province) for the overview inset, or null for no inset.</summary>
    public FeatureSet? Overview { get; init; }
}
