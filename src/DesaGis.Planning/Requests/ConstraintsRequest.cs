namespace DesaGis.Planning.Requests;

/// <summary>Hard constraints on the pilots.</summary>
public sealed record ConstraintsRequest
{
    public IReadOnlyList<string>? IdmStatus { get; init; }
    public IReadOnlyList<ThresholdRequest>? Thresholds { get; init; }
    public int? MaxPerKecamatan { get; init; }
    public double? MinDistanceKm { get; init; }
}
