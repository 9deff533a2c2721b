using NetTopologySuite.Geometries;

namespace DesaGis.Core.Mapping;

/// <summary>
/// One feature handed to the map renderer or a file exporter: an EPSG:4326 geometry and the published attributes,
/// named as in the layer catalog (and therefore as in vector tiles, so style expressions find them).
/// </summary>
/// <param name="Id">The feature id (the village code for villages), or null.</param>
/// <param name="Geometry">The geometry in lon/lat (EPSG:4326).</param>
/// <param name="Attributes">Attribute values: string, long, double, bool or null.</param>
public sealed record MapFeature(string? Id, Geometry Geometry, IReadOnlyDictionary<string, object?> Attributes)
{
    /// <summary>An attribute value, or null when the feature does not have it.</summary>
    public object? this[string name] => Attributes.TryGetValue(name, out var value) ? value : null;
}
