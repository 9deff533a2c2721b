using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>A synthetic desa (code 2xxx) or kelurahan (code 1xxx).</summary>
public sealed record DemoVillage(string Kode, string Nama, string Jenis, double AreaKm2, MultiPolygon Geometry);
