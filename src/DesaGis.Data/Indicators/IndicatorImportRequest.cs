using DesaGis.Data.Import;

namespace DesaGis.Data.Indicators;

/// <summary>
/// One indicator table to import: a CSV or .xlsx keyed by Kemendagri or BPS codes, with one value column per
/// indicator, the year and source from columns or given here, and optionally a new catalog entry to create.
/// </summary>
public sealed record IndicatorImportRequest
{
    public required string Path { get; init; }
    /// <summary>The name shown and recorded (default: the file name).</summary>
    public string? SourceName { get; init; }
    public string DisplayName => SourceName ?? System.IO.Path.GetFileName(Path);
    public ImportFormat? Format { get; init; }
    /// <summary>The sheet of a workbook (default: the first).</summary>
    public string? Sheet { get; init; }
    public string? Delimiter { get; init; }

    /// <summary>The indicators and the column each reads (null: the column named like the code, or value/nilai).</summary>
    public required IReadOnlyList<(string Code, string? Column)> Indicators { get; init; }

    public string? CodeColumn { get; init; }
    /// <summary>Kemendagri or BPS; null: BPS when the code column's name says bps, else Kemendagri.</summary>
    public CodeSystem? CodeSystem { get; init; }
    public int? Year { get; init; }
    public string? YearColumn { get; init; }
    public string? Source { get; init; }
    public string? SourceColumn { get; init; }
    public string? NoteColumn { get; init; }
    public string? PeriodColumn { get; init; }

    /// <summary>Create the (single) indicator when the catalog lacks it, from these fields.</summary>
    public IndicatorDraft? Create { get; init; }

    public bool DryRun { get; init; }
    public string? Actor { get; init; }
}

/// <summary>A catalog entry to create on import: names, unit, direction, levels (default: the levels in the file).</summary>
public sealed record IndicatorDraft
{
    public required string NameId { get; init; }
    public string? NameEn { get; init; }
    public string? Unit { get; init; }
    public required string Direction { get; init; }
    public IReadOnlyList<string>? Levels { get; init; }
    public string? Description { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
}
