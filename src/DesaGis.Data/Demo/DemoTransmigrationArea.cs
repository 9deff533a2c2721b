using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>A synthetic transmigration area: its polygon is the union of the villages it contains.</summary>
public sealed record DemoTransmigrationArea(
    string Kode, string Nama, string Kind, string Status, int Year, MultiPolygon Geometry, IReadOnlyList<string> VillageKodes);
