namespace DesaGis.Data.Demo;

/// <summary>
/// A generated dataset: the partners, and the provinces as a lazy sequence that is produced while it is consumed
/// (enumerate it once).
/// </summary>
public sealed record DemoDataset(DemoOptions Options, IReadOnlyList<DemoPartner> Partners, IEnumerable<DemoRegion> Regions)
{
    /// <summary>The value of the <c>source</c> column of generated indicators.</summary>
    public string Source => $"DesaGis data sintetis (seed {Options.Seed})";
}
