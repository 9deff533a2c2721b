using System.Globalization;
using System.Text;
using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using NetTopologySuite.IO;

namespace DesaGis.Data.Export;

/// <summary>
/// Writes CSV (RFC 4180: UTF-8, comma, CRLF, quotes doubled; invariant numbers): the layer's properties in catalog
/// order, then either <c>wkt</c> or <c>lon,lat</c> of a point inside the feature (spreadsheets and phones want points).
/// </summary>
public static class CsvExporter
{
    public static async Task WriteAsync(LayerDefinition layer, FeatureSet features, CsvGeometry geometry, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        var header = layer.Properties.Select(p => p.Name).Concat(geometry == CsvGeometry.Wkt ? ["wkt"] : ["lon", "lat"]);
        await writer.WriteLineAsync(string.Join(',', header.Select(Quote)));
        var wkt = new WKTWriter { OutputOrdinates = NetTopologySuite.Geometries.Ordinates.XY };
        foreach (var f in features.Features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = layer.Properties.Select(p => Format(f[p.Name])).ToList();
            if (geometry == CsvGeometry.Wkt) fields.Add(wkt.Write(f.Geometry));
            else
            {
                var point = ExportFeatures.Anchor(f.Geometry);
                fields.Add(point.X.ToString("0.######", CultureInfo.InvariantCulture));
                fields.Add(point.Y.ToString("0.######", CultureInfo.InvariantCulture));
            }
            await writer.WriteLineAsync(string.Join(',', fields.Select(Quote)));
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
