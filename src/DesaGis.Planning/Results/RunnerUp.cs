namespace DesaGis.Planning.Results;

/// <summary>A village that nearly made it, and why it did not.</summary>
public sealed record RunnerUp
{
    public required string Kode { get; init; }
    public required string Nama { get; init; }
    public double Score { get; init; }

    /// <summary>Rank by score among eligible villages; null for villages that are not eligible.</summary>
    public int? ScoreRank { get; init; }
    public double? MarginalGain { get; init; }

    /// <summary>lower-score, lower-gain, constraint or excluded.</summary>
    public required string Reason { get; init; }
    public required string Detail { get; init; }
}
