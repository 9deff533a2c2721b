using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>A synthetic kecamatan; its geometry is the union of its villages.</summary>
public sealed record DemoKecamatan(string Kode, string Nama, double AreaKm2, MultiPolygon Geometry);
