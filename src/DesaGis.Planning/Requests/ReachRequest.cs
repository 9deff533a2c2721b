namespace DesaGis.Planning.Requests;

/// <summary>Replication-reach settings.</summary>
public sealed record ReachRequest
{
    public double? RadiusKm { get; init; }

    /// <summary>"count" (default) or "poverty".</summary>
    public string? Weighting { get; init; }

    /// <summary>Also solve exactly and report the gap (only on up to 2,000 villages).</summary>
    public bool? Exact { get; init; }
}
