namespace DesaGis.Data.Import.Sources;

/// <summary>Opens a file as an <see cref="IRecordSource"/>, choosing the reader by format or file name.</summary>
public static class RecordSources
{
    public static ImportFormat DetectFormat(string path)
    {
        var name = path.ToLowerInvariant();
        if (name.EndsWith(".geojson") || name.EndsWith(".json")) return ImportFormat.GeoJson;
        if (name.EndsWith(".shp") || name.EndsWith(".zip")) return ImportFormat.Shapefile;
        if (name.EndsWith(".gpkg")) return ImportFormat.GeoPackage;
        if (name.EndsWith(".csv") || name.EndsWith(".tsv") || name.EndsWith(".txt")) return ImportFormat.Csv;
        if (name.EndsWith(".xlsx")) return ImportFormat.Xlsx;
        throw new ImportException($"Cannot tell the format of {Path.GetFileName(path)} from its name; give --format (geojson, shapefile, geopackage, csv or xlsx).");
    }

    public static IRecordSource Open(ImportRequest request, ImportFormat format) => format switch
    {
        ImportFormat.GeoJson => new GeoJsonRecordSource(request.Path),
        ImportFormat.Shapefile => new ShapefileRecordSource(request.Path),
        ImportFormat.GeoPackage => new GeoPackageRecordSource(request.Path, request.Layer),
        ImportFormat.Csv => new CsvRecordSource(request.Path,
            request.Delimiter ?? (request.DisplayName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? "\t" : null),
            request.WktColumn, request.LonColumn, request.LatColumn),
        ImportFormat.Xlsx => new XlsxRecordSource(request.Path, request.Layer),
        _ => throw new ImportException($"Unknown format {format}."),
    };
}
