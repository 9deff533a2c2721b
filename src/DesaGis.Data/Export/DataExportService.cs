using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using DesaGis.Data.Catalog;
using Npgsql;

namespace DesaGis.Data.Export;

/// <summary>Exports one collection, filtered by area, as GeoJSON, CSV, GeoPackage, zipped Shapefile, KML or GPX.</summary>
public sealed class DataExportService(NpgsqlDataSource dataSource, LayerCatalog catalog)
{
    private readonly LayerFeatureReader _reader = new(dataSource);

    public LayerCatalog Catalog { get; } = catalog;

    /// <summary>Reads the features of a layer in an area (all of it when the area is null).</summary>
    public Task<FeatureSet> ReadAsync(LayerDefinition layer, ExportArea? area, CancellationToken cancellationToken, long? scenarioId = null) =>
        _reader.ReadAsync(layer, area, 0, cancellationToken, scenarioId);

    /// <summary>Writes the export; returns the number of features written.</summary>
    /// <exception cref="ArgumentException">A scenario id for a collection without <c>scenario_id</c>.</exception>
    public async Task<int> ExportAsync(LayerDefinition layer, ExportArea? area, DataExportFormat format, Stream output,
        CsvGeometry csvGeometry, CancellationToken cancellationToken, long? scenarioId = null)
    {
        var features = await ReadAsync(layer, area, cancellationToken, scenarioId);
        await WriteAsync(layer, features, format, output, csvGeometry, Title(layer, area), cancellationToken);
        return features.Features.Count;
    }

    /// <summary>Writes already-read features in a format.</summary>
    public static async Task WriteAsync(LayerDefinition layer, FeatureSet features, DataExportFormat format, Stream output,
        CsvGeometry csvGeometry, string title, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case DataExportFormat.GeoJson:
                await GeoJsonExporter.WriteAsync(features, output, cancellationToken);
                break;
            case DataExportFormat.Csv:
                await CsvExporter.WriteAsync(layer, features, csvGeometry, output, cancellationToken);
                break;
            case DataExportFormat.Kml:
                await KmlExporter.WriteAsync(layer, features, title, output, cancellationToken);
                break;
            case DataExportFormat.Gpx:
                await GpxExporter.WriteAsync(features, title, output, cancellationToken);
                break;
            case DataExportFormat.Shapefile:
                await ShapefileExporter.WriteAsync(layer, features, output, cancellationToken);
                break;
            case DataExportFormat.GeoPackage:
            {
                // SQLite writes files, not streams: build it in a temporary file and copy it out.
                var path = Path.Combine(Path.GetTempPath(), $"desagis-{Guid.NewGuid():N}.gpkg");
                try
                {
                    await GeoPackageExporter.WriteAsync(path, [(layer, features)], cancellationToken);
                    await using var file = File.OpenRead(path);
                    await file.CopyToAsync(output, cancellationToken);
                }
                finally
                {
                    File.Delete(path);
                }
                break;
            }
        }
    }

    /// <summary>A download file name such as <c>village_indicators_kabupaten-63.04.gpkg</c>.</summary>
    public static string FileName(LayerDefinition layer, ExportArea? area, DataExportFormat format) =>
        layer.Id + (area is null ? "" : "_" + area.Slug) + DataExportFormats.Extension(format);

    private static string Title(LayerDefinition layer, ExportArea? area) =>
        layer.Title + (area is null ? "" : " — " + area.Slug);
}
