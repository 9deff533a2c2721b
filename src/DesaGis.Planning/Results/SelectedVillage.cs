namespace DesaGis.Planning.Results;

/// <summary>A chosen pilot with its explanation.</summary>
public sealed record SelectedVillage
{
    public required string Kode { get; init; }
    public required string Nama { get; init; }
    public required string KecamatanKode { get; init; }
    public required string KabupatenKode { get; init; }
    public double Lon { get; init; }
    public double Lat { get; init; }

    /// <summary>Order of choice (reach) or score order among the pilots (ranking), from 1.</summary>
    public int Rank { get; init; }

    /// <summary>Rank by score among all eligible villages, from 1.</summary>
    public int ScoreRank { get; init; }
    public double Score { get; init; }

    /// <summary>
    /// When other eligible villages have exactly the same score: the score ranks the tie spans, [first, last]. The order
    /// inside it is the tie-break's (lower code first), not the data's.
    /// </summary>
    public IReadOnlyList<int>? RankBand { get; init; }

    /// <summary>How many other eligible villages share this score (0 when none).</summary>
    public int TiedWith { get; init; }
    public bool Pinned { get; init; }
    public required IReadOnlyList<CriterionContribution> Contributions { get; init; }

    /// <summary>Villages within the reach radius of this pilot (itself included).</summary>
    public int Reached { get; init; }

    /// <summary>What the pilot added to the reach objective when it was chosen (reach method).</summary>
    public double? MarginalGain { get; init; }

    /// <summary>Share of robustness draws in which the village stays selected; null when no draws ran.</summary>
    public double? Stability { get; init; }
}
