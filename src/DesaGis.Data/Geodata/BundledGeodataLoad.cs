using DesaGis.Data.Import;

namespace DesaGis.Data.Geodata;

/// <summary>What a load of the bundled dataset did: skipped (files unchanged), or each import's report, and the synthetic demo rows removed because they lay over real land.</summary>
public sealed record BundledGeodataLoad(bool Skipped, IReadOnlyList<(string Title, ImportReport Report)> Imports,
    IReadOnlyList<(string What, int Rows)> SyntheticRemoved, TimeSpan Elapsed);
