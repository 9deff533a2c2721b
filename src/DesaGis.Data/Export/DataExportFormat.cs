namespace DesaGis.Data.Export;

/// <summary>The file formats of data exports.</summary>
public enum DataExportFormat
{
    GeoJson,
    Csv,
    GeoPackage,
    Shapefile,
    Kml,
    Gpx,
}
