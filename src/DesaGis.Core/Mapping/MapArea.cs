using NetTopologySuite.Geometries;

namespace DesaGis.Core.Mapping;

/// <summary>An export area looked up in the data: its name for titles, its extent and its boundary.</summary>
/// <param name="Area">The area as requested.</param>
/// <param name="Title">A title such as "Kabupaten Barito Kuala" or "Desa Sungai Ulin".</param>
/// <param name="Subtitle">The enclosing regions, e.g. "Kecamatan Marabahan, Kabupaten Barito Kuala, Kalimantan Selatan".</param>
/// <param name="Extent">The lon/lat box to show.</param>
/// <param name="Boundary">The region's boundary (EPSG:4326), null for a bbox area.</param>
/// <param name="ProvinsiKode">The province code, for the overview inset; null for a bbox area.</param>
public sealed record MapArea(ExportArea Area, string Title, string? Subtitle, BoundingBox Extent, Geometry? Boundary, string? ProvinsiKode);
