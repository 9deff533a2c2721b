namespace DesaGis.Planning.Comparison;

/// <summary>A pilot chosen in one scenario only, with why the other did not choose it.</summary>
public sealed record DifferingPilot
{
    public required string Kode { get; init; }
    public required string Nama { get; init; }
    public int? RankA { get; init; }
    public int? RankB { get; init; }
    public required string WhyNotInOther { get; init; }
}
