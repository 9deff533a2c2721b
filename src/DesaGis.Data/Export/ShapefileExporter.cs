using System.IO.Compression;
using System.Text;
using DesaGis.Core.Layers;
using DesaGis.Core.Mapping;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace DesaGis.Data.Export;

/// <summary>
/// Writes a zipped Shapefile: .shp, .shx, .dbf (UTF-8, field names within 10 characters), .prj (WGS 84),
/// .cpg, and a fields.csv that maps each DBF name back to the full property name.
/// </summary>
public static class ShapefileExporter
{
    /// <summary>The ESRI WKT of EPSG:4326, as GIS programs expect it in a .prj.</summary>
    public const string Wgs84Prj =
        "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    public static async Task WriteAsync(LayerDefinition layer, FeatureSet features, Stream output, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("desagis-shp-");
        try
        {
            var names = DbfFieldNames.Assign(layer.Properties.Select(p => p.Name));
            var shapeType = layer.GeometryKind switch
            {
                GeometryKind.Point => ShapeType.Point,
                GeometryKind.MultiLineString => ShapeType.PolyLine,
                _ => ShapeType.Polygon,
            };
            var options = new ShapefileWriterOptions(shapeType) { Encoding = Encoding.UTF8, Projection = Wgs84Prj };
            foreach (var p in layer.Properties)
            {
                var name = names[p.Name];
                switch (p.Type)
                {
                    case PropertyType.Integer: options.AddNumericInt64Field(name); break;
                    case PropertyType.Number: options.AddNumericDoubleField(name); break;
                    case PropertyType.Boolean: options.AddLogicalField(name); break;
                    default:
                        int longest = features.Features.Select(f => Encoding.UTF8.GetByteCount(f[p.Name]?.ToString() ?? "")).DefaultIfEmpty(1).Max();
                        options.AddCharacterField(name, Math.Clamp(longest, 1, 254));
                        break;
                }
            }
            var shp = Path.Combine(dir.FullName, layer.Id + ".shp");
            using (var writer = Shapefile.OpenWrite(shp, options))
            {
                foreach (var f in features.Features)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var table = new AttributesTable();
                    foreach (var p in layer.Properties)
                        table.Add(names[p.Name], Truncate(f[p.Name]));
                    writer.Write(new Feature(ExportFeatures.Promote(f.Geometry), table));
                }
            }
            var prj = Path.ChangeExtension(shp, ".prj");
            if (!File.Exists(prj)) await File.WriteAllTextAsync(prj, Wgs84Prj, cancellationToken);
            var cpg = Path.ChangeExtension(shp, ".cpg");
            if (!File.Exists(cpg)) await File.WriteAllTextAsync(cpg, "UTF-8", cancellationToken);
            var mapping = new StringBuilder("dbf_field,property,description\n");
            foreach (var p in layer.Properties)
                mapping.Append(names[p.Name]).Append(',').Append(p.Name).Append(",\"").Append(p.Description.Replace("\"", "\"\"")).Append("\"\n");
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, layer.Id + "_fields.csv"), mapping.ToString(), new UTF8Encoding(false), cancellationToken);

            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var file in dir.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest);
                await using var target = await entry.OpenAsync(cancellationToken);
                await using var source = file.OpenRead();
                await source.CopyToAsync(target, cancellationToken);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // DBF character fields end at 254 bytes.
    private static object? Truncate(object? value) =>
        value is string s && Encoding.UTF8.GetByteCount(s) > 254 ? s[..Math.Min(s.Length, 120)] : value;
}
