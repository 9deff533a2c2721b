namespace DesaGis.Data.Import;

/// <summary>
/// One import: a file, the table it goes to and how its columns map. Everything but <see cref="Path"/> and
/// <see cref="Target"/> is optional; a <see cref="Preset"/> fills in the mapping of a known file layout.
/// </summary>
public sealed record ImportRequest
{
    /// <summary>The file: .geojson/.json, .shp, .zip (holding a shapefile), .gpkg or .csv/.tsv/.txt.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The file's name as the user knows it (an upload's original name), recorded in import_run and used to detect
    /// the format; defaults to the name in <see cref="Path"/>.
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>The name recorded for the file.</summary>
    public string DisplayName => SourceName ?? System.IO.Path.GetFileName(Path);

    /// <summary>The table to write; when null the preset's target is used.</summary>
    public ImportTarget? Target { get; init; }

    /// <summary>The format; detected from the file name when null.</summary>
    public ImportFormat? Format { get; init; }

    /// <summary>A named mapping for a known file layout (see <see cref="ImportPresets"/>).</summary>
    public string? Preset { get; init; }

    /// <summary>
    /// Target field → source column, e.g. nama → NAMOBJ. A value with braces is a template over source columns
    /// (<c>SP-{kode_desa}</c>). Overrides the preset and the built-in column names.
    /// </summary>
    public IReadOnlyDictionary<string, string> FieldMap { get; init; } = new Dictionary<string, string>();

    /// <summary>Target field → the same value for every row (e.g. kind → UPT).</summary>
    public IReadOnlyDictionary<string, string> Constants { get; init; } = new Dictionary<string, string>();

    /// <summary>The source CRS (e.g. "EPSG:32750"); overrides what the file says (.prj, GeoJSON crs, GPKG srs).</summary>
    public string? SourceCrs { get; init; }

    /// <summary>The year of indicator or crosswalk rows when the file has no year column.</summary>
    public int? Year { get; init; }

    /// <summary>The source name stored with indicator rows; defaults to the preset's or the file name.</summary>
    public string? Source { get; init; }

    /// <summary>The numbering of the key column of indicator tables; the preset's, else Kemendagri.</summary>
    public CodeSystem? CodeSystem { get; init; }

    /// <summary>The GeoPackage table to read when the file holds more than one.</summary>
    public string? Layer { get; init; }

    /// <summary>CSV: the delimiter; detected when null.</summary>
    public string? Delimiter { get; init; }

    /// <summary>CSV: the column holding WKT geometries; a column named wkt/geom/geometry/the_geom is used otherwise.</summary>
    public string? WktColumn { get; init; }

    /// <summary>CSV: the longitude and latitude columns of point rows.</summary>
    public string? LonColumn { get; init; }
    public string? LatColumn { get; init; }

    /// <summary>
    /// For kecamatan, kabupaten and desa polygons: compare the outlines of the kabupaten touched with their villages
    /// (default), also rebuild them from the villages, or neither.
    /// </summary>
    public ImportOutlines Outlines { get; init; } = ImportOutlines.Check;

    /// <summary>Run everything, report, then roll back.</summary>
    public bool DryRun { get; init; }

    /// <summary>Who ran the import (stored in import_run).</summary>
    public string? Actor { get; init; }
}
