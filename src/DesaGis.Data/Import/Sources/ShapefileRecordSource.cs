using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using DesaGis.Data.Import.Crs;

namespace DesaGis.Data.Import.Sources;

/// <summary>
/// An ESRI Shapefile, given as the .shp or as a .zip holding exactly one. The .prj names the CRS and the .cpg the
/// attribute encoding (UTF-8 when absent, which is what current tools write).
/// </summary>
public sealed class ShapefileRecordSource : IRecordSource
{
    private readonly string? _extractedDirectory;
    private readonly string _name = "";
    private readonly ShapefileReader? _reader;

    public ShapefileRecordSource(string path)
    {
        var shp = path;
        if (IsZip(path))
        {
            ZipSafety.Inspect(path, Path.GetFileName(path));
            _extractedDirectory = Directory.CreateTempSubdirectory("desagis-import-").FullName;
            try
            {
                ZipFile.ExtractToDirectory(path, _extractedDirectory);
            }
            catch (InvalidDataException ex)
            {
                Dispose();
                throw new ImportException($"{Path.GetFileName(path)} is not a readable zip file: {ex.Message}", ex);
            }
            var found = Directory.GetFiles(_extractedDirectory, "*.shp", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal)).ToArray();
            if (found.Length != 1)
            {
                Dispose();
                throw new ImportException(found.Length == 0
                    ? $"{Path.GetFileName(path)} holds no .shp file."
                    : $"{Path.GetFileName(path)} holds {found.Length} shapefiles ({string.Join(", ", found.Select(Path.GetFileName))}); zip one per import.");
            }
            shp = found[0];
        }
        if (!File.Exists(Path.ChangeExtension(shp, ".dbf")) && !File.Exists(Path.ChangeExtension(shp, ".DBF")))
        {
            Dispose();
            throw new ImportException($"{Path.GetFileName(shp)} has no .dbf beside it; a shapefile needs its .shp, .shx and .dbf.");
        }
        var prj = Path.ChangeExtension(shp, ".prj");
        if (File.Exists(prj) && File.ReadAllText(prj).Trim() is { Length: > 0 } wkt) DeclaredCrs = CrsDefinition.FromWkt(wkt);

        var options = new ShapefileReaderOptions { Encoding = ReadEncoding(Path.ChangeExtension(shp, ".cpg")) };
        try
        {
            // Streamed record by record: a national village layer is far larger than memory should hold at once.
            _reader = NetTopologySuite.IO.Esri.Shapefile.OpenRead(shp, options);
            Count = _reader.RecordCount;
            Columns = _reader.Fields.Select(f => f.Name).ToList();
        }
        catch (Exception ex) when (ex is NetTopologySuite.IO.Esri.ShapefileException or IOException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            Dispose();
            throw new ImportException($"{Path.GetFileName(shp)} could not be read as a shapefile: {ex.Message}", ex);
        }
        _name = Path.GetFileName(shp);
    }

    public CrsDefinition? DeclaredCrs { get; }
    public bool HasGeometry => true;
    public int? Count { get; }
    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<SourceRecord> Read(CancellationToken cancellationToken)
    {
        int n = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more, deleted;
            Feature? feature;
            try
            {
                more = _reader!.Read(out deleted, out feature);
            }
            catch (Exception ex) when (ex is NetTopologySuite.IO.Esri.ShapefileException or IOException or InvalidDataException or ArgumentException or IndexOutOfRangeException)
            {
                throw new ImportException($"{_name} is damaged after feature {n}: {ex.Message}", ex);
            }
            if (!more) yield break;
            n++;
            if (deleted || feature is null) continue;  // marked deleted in the .dbf: not part of the layer
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in feature.Attributes.GetNames())
            {
                var value = feature.Attributes[name];
                // DBF pads text with spaces and stores no NULL for text; treat blank as missing.
                attributes[name] = value is string s ? (s.Trim() is { Length: > 0 } t ? t : null) : value;
            }
            yield return new SourceRecord($"feature {n}", attributes, feature.Geometry);
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        if (_extractedDirectory is not null && Directory.Exists(_extractedDirectory))
            Directory.Delete(_extractedDirectory, recursive: true);
    }

    /// <summary>By content, not name: an upload may be stored under a temporary name.</summary>
    private static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Read(magic) == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static Encoding ReadEncoding(string cpg)
    {
        if (!File.Exists(cpg)) return Encoding.UTF8;
        var name = File.ReadAllText(cpg).Trim().ToUpperInvariant();
        return name switch
        {
            "UTF-8" or "UTF8" or "65001" => Encoding.UTF8,
            "1252" or "ANSI 1252" or "WINDOWS-1252" or "ISO-8859-1" or "ISO88591" or "LATIN1" => Encoding.Latin1,
            "ASCII" or "US-ASCII" => Encoding.ASCII,
            _ => Encoding.UTF8,
        };
    }
}
