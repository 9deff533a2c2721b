using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>A synthetic kabupaten (jenis 'kabupaten' or 'kota'); its geometry is the union of its kecamatan.</summary>
public sealed record DemoKabupaten(string Kode, string Nama, string Jenis, double AreaKm2, MultiPolygon Geometry);
