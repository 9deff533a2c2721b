using DesaGis.Data.Import;

namespace DesaGis.Data.Indicators;

/// <summary>What one indicator import did; nothing was written when <see cref="DryRun"/> is true.</summary>
public sealed record IndicatorImportReport
{
    public required string SourceName { get; init; }
    public required string Sha256 { get; init; }
    public long? RunId { get; init; }
    public bool DryRun { get; init; }
    public required IReadOnlyList<string> Indicators { get; init; }
    public IReadOnlyList<string> Created { get; init; } = [];
    public int RowsRead { get; init; }
    public int Inserted { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    /// <summary>Empty value cells: no value is stored (never a zero).</summary>
    public int Empty { get; init; }
    public int Rejected => Rejections.Count;
    public IReadOnlyList<ImportRejection> Rejections { get; init; } = [];
    /// <summary>Which column fed what (code, year, source, each indicator).</summary>
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();
}
