using NetTopologySuite.Geometries;

namespace DesaGis.Data.Import.Geometries;

/// <summary>
/// A source geometry made ready for a MultiPolygon column in EPSG:4326, or the reason it cannot be used.
/// <see cref="Repaired"/> says what had to be done to it, if anything.
/// </summary>
public sealed record PreparedGeometry(MultiPolygon? Geometry, string? Repaired, string? RejectReason);
