namespace DesaGis.Data.Demo;

/// <summary>What a demo load did: skipped (files unchanged since the last load) or the row counts it wrote.</summary>
public sealed record DemoLoadResult(
    string Directory, string Sha256, bool Skipped, int RowsRead, int Inserted, int Updated, int Deleted, TimeSpan Elapsed)
{
    public string Describe() => Skipped
        ? $"Demo data in {Directory} is unchanged since the last load (sha256 {Sha256[..12]}…); nothing to do ({Elapsed.TotalSeconds:0.00} s)."
        : $"Loaded {Directory}: {RowsRead} rows read, {Inserted} inserted, {Updated} updated, {Deleted} deleted in {Elapsed.TotalSeconds:0.0} s (sha256 {Sha256[..12]}…).";
}
