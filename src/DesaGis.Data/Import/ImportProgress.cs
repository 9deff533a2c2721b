namespace DesaGis.Data.Import;

/// <summary>How far an import has come: rows read so far, out of <see cref="Total"/> when the format says.</summary>
public sealed record ImportProgress(ImportStage Stage, int RowsRead, int? Total);
