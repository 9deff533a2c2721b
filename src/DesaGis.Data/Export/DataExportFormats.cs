namespace DesaGis.Data.Export;

/// <summary>Names, media types and file extensions of the export formats (the words clients use in <c>format=</c>).</summary>
public static class DataExportFormats
{
    public static readonly IReadOnlyDictionary<string, DataExportFormat> ByName = new Dictionary<string, DataExportFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["geojson"] = DataExportFormat.GeoJson,
        ["json"] = DataExportFormat.GeoJson,
        ["csv"] = DataExportFormat.Csv,
        ["gpkg"] = DataExportFormat.GeoPackage,
        ["geopackage"] = DataExportFormat.GeoPackage,
        ["shp"] = DataExportFormat.Shapefile,
        ["shapefile"] = DataExportFormat.Shapefile,
        ["kml"] = DataExportFormat.Kml,
        ["gpx"] = DataExportFormat.Gpx,
    };

    public static string Names => "geojson, csv, gpkg, shp, kml, gpx";

    public static bool TryParse(string? name, out DataExportFormat format)
    {
        format = DataExportFormat.GeoJson;
        return name is not null && ByName.TryGetValue(name.Trim(), out format);
    }

    public static string MediaType(DataExportFormat format) => format switch
    {
        DataExportFormat.GeoJson => "application/geo+json",
        DataExportFormat.Csv => "text/csv; charset=utf-8",
        DataExportFormat.GeoPackage => "application/geopackage+sqlite3",
        DataExportFormat.Shapefile => "application/zip",
        DataExportFormat.Kml => "application/vnd.google-earth.kml+xml",
        _ => "application/gpx+xml",
    };

    public static string Extension(DataExportFormat format) => format switch
    {
        DataExportFormat.GeoJson => ".geojson",
        DataExportFormat.Csv => ".csv",
        DataExportFormat.GeoPackage => ".gpkg",
        DataExportFormat.Shapefile => ".zip",
        DataExportFormat.Kml => ".kml",
        _ => ".gpx",
    };
}
