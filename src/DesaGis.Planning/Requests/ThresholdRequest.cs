namespace DesaGis.Planning.Requests;

/// <summary>A bound on a criterion's raw value, inclusive at both ends.</summary>
public sealed record ThresholdRequest
{
    public string? Criterion { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}
