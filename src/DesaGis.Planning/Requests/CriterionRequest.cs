namespace DesaGis.Planning.Requests;

/// <summary>One weighted criterion of a run.</summary>
public sealed record CriterionRequest
{
    /// <summary>The criterion id, e.g. <c>poverty_rate</c> (see <see cref="Criteria.CriterionCatalog"/>).</summary>
    public string? Criterion { get; init; }
    public double? Weight { get; init; }

    /// <summary>"benefit" or "cost"; the criterion's default when absent.</summary>
    public string? Direction { get; init; }

    /// <summary>"minmax" (default) or "rank".</summary>
    public string? Normalisation { get; init; }

    /// <summary>What to do where a village has no value of its own: "neutral" (default), "parent", "exclude" or "zero".</summary>
    public string? Missing { get; init; }

    /// <summary>For a catalog indicator: the year of the figures (default: each village's latest).</summary>
    public int? Year { get; init; }

    /// <summary>For <c>transmigration</c>: the distance in km within which a village counts as near an area.</summary>
    public double? NearKm { get; init; }

    /// <summary>For <c>distance_to_point</c>: the point as [lon, lat].</summary>
    public IReadOnlyList<double>? Point { get; init; }
}
