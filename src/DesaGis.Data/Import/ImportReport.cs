namespace DesaGis.Data.Import;

/// <summary>What one import did. Nothing was written when <see cref="DryRun"/> is true.</summary>
public sealed record ImportReport
{
    public required ImportTarget Target { get; init; }
    public required string SourceName { get; init; }
    public required string Sha256 { get; init; }
    public required string SourceCrs { get; init; }

    /// <summary>The import_run row that records this import (null on a dry run).</summary>
    public long? RunId { get; init; }

    public bool DryRun { get; init; }
    public int RowsRead { get; init; }
    public int Inserted { get; init; }
    public int Updated { get; init; }

    /// <summary>Rows that matched an existing row with the same values.</summary>
    public int Unchanged { get; init; }

    /// <summary>Rows of another level in a mixed code list (e.g. desa rows when importing kecamatan); not errors.</summary>
    public int Skipped { get; init; }

    /// <summary>Geometries that were made valid, reprojected into range or split at the antimeridian.</summary>
    public int Repaired { get; init; }

    public int Rejected => Rejections.Count;
    public IReadOnlyList<ImportRejection> Rejections { get; init; } = [];

    /// <summary>
    /// The outline check of the kabupaten the import touched (kecamatan, kabupaten and desa polygons only): the areas
    /// whose outline disagrees with their villages, and how many outlines were rebuilt when asked.
    /// </summary>
    public DesaGis.Data.Outlines.OutlineReport? Outlines { get; init; }

    /// <summary>Which source column fed each target field (or the constant/template used).</summary>
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();
}
