using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>A synthetic province.</summary>
public sealed record DemoProvince(string Kode, string Nama, double AreaKm2, MultiPolygon Geometry);
