using System.Globalization;
using CsvHelper;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using DesaGis.Data.Import.Crs;

namespace DesaGis.Data.Import.Sources;

/// <summary>
/// Delimited text with a header row. Geometry comes from a WKT column or from lon/lat columns when there are such
/// columns; otherwise the rows are a plain table (code lists, indicator tables). The delimiter (comma, semicolon,
/// tab) is detected from the header line unless given.
/// </summary>
public sealed class CsvRecordSource : IRecordSource
{
    private static readonly string[] WktNames = ["wkt", "geom", "geometry", "the_geom", "wkt_geom", "shape"];
    private static readonly string[] LonNames = ["lon", "lng", "long", "longitude", "bujur", "x"];
    private static readonly string[] LatNames = ["lat", "latitude", "lintang", "y"];

    private readonly string _path;
    private readonly char? _separator;
    private readonly string? _wktColumn;
    private readonly string? _lonColumn;
    private readonly string? _latColumn;

    public CsvRecordSource(string path, string? delimiter, string? wktColumn, string? lonColumn, string? latColumn)
    {
        _path = path;
        _separator = delimiter switch
        {
            null or "" => null,
            "tab" or "\\t" or "\t" => '\t',
            { Length: 1 } d when d[0] < 128 => d[0],
            _ => throw new ImportException($"--delimiter must be one ASCII character (or 'tab'), not '{delimiter}'."),
        };
        try
        {
            using var csv = Open();
            Columns = csv.Headers.Select(h => h.Trim()).ToList();
        }
        catch (CsvFormatException ex)
        {
            throw new ImportException($"{Path.GetFileName(path)} has a malformed header row: {ex.Message}", ex);
        }
        if (Columns.Count == 0) throw new ImportException($"{Path.GetFileName(path)} is empty; a CSV needs a header row.");
        _wktColumn = Choose(wktColumn, WktNames, "--wkt-column");
        if (_wktColumn is null)
        {
            _lonColumn = Choose(lonColumn, LonNames, "--lon-column");
            _latColumn = Choose(latColumn, LatNames, "--lat-column");
            if ((_lonColumn is null) != (_latColumn is null))
            {
                if (lonColumn is not null || latColumn is not null)
                    throw new ImportException("Give both --lon-column and --lat-column for point rows.");
                _lonColumn = _latColumn = null;
            }
        }
    }

    /// <summary>CSV carries no CRS; WKT and lon/lat are EPSG:4326 unless --srs says otherwise.</summary>
    public CrsDefinition? DeclaredCrs => null;
    public bool HasGeometry => _wktColumn is not null || _lonColumn is not null;
    public int? Count => null;
    public IReadOnlyList<string> Columns { get; }

    public IEnumerable<SourceRecord> Read(CancellationToken cancellationToken)
    {
        var wkt = new WKTReader();
        var points = new GeometryFactory();
        using var csv = Open();
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = $"line {csv.LineNumber}";
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < Columns.Count; i++)
            {
                var value = i < csv.FieldCount ? csv.GetStringOrNull(i) : null;
                attributes[Columns[i]] = string.IsNullOrWhiteSpace(value) ? null : value;
            }
            Geometry? geometry = null;
            string? error = null;
            if (_wktColumn is not null && attributes[_wktColumn] is string text)
            {
                try
                {
                    geometry = wkt.Read(text);
                }
                catch (Exception ex) when (ex is ParseException or ArgumentException or FormatException)
                {
                    error = $"unreadable WKT in {_wktColumn}: {ex.Message}";
                }
            }
            else if (_lonColumn is not null && _latColumn is not null && (attributes[_lonColumn] is not null || attributes[_latColumn] is not null))
            {
                if (double.TryParse(attributes[_lonColumn] as string, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) &&
                    double.TryParse(attributes[_latColumn] as string, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                    geometry = points.CreatePoint(new Coordinate(x, y));
                else
                    error = $"{_lonColumn}/{_latColumn} are not numbers";
            }
            yield return new SourceRecord(location, attributes, geometry, error);
        }
    }

    public void Dispose() { }

    private CsvReader Open() => CsvReader.FromFile(_path, new CsvReaderOptions
    {
        Separator = _separator,
        HasHeader = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        // A stray quote is recovered as text, but a quote never closed swallows every later line into one field:
        // the file is broken, and importing what is left of it would pass for a complete import.
        OnMalformedRecord = record =>
        {
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                throw new ImportException(
                    $"{Path.GetFileName(_path)} has a quoted field that is never closed (it opens on line {record.LineNumber}). " +
                    "Close the quote with \" (write \"\" for a quote inside a quoted field) and import again.");
        },
    });

    private string? Choose(string? requested, string[] candidates, string option)
    {
        if (requested is not null)
            return Columns.FirstOrDefault(c => c.Equals(requested, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException($"{option} {requested}: no such column; the columns are {string.Join(", ", Columns)}.");
        return candidates.Select(n => Columns.FirstOrDefault(c => c.Equals(n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(c => c is not null);
    }
}
