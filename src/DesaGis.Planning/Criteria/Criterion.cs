using DesaGis.Planning.Geo;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning.Criteria;

/// <summary>A validated criterion: what it measures, its weight, direction and normalisation.</summary>
public sealed record Criterion(CriterionKind Kind, double Weight, Direction Direction, Normalisation Normalisation)
{
    /// <summary>Default distance within which a village counts as near a transmigration area.</summary>
    public const double DefaultNearKm = 5;

    public double NearKm { get; init; } = DefaultNearKm;

    /// <summary>For distance_to_point: (lon, lat).</summary>
    public (double Lon, double Lat)? Point { get; init; }

    public string Id => CriterionCatalog.Get(Kind).Id;

    /// <summary>The village's raw value for this criterion, or null when the village has no figure.</summary>
    public double? RawValue(PlannerVillage v) => Kind switch
    {
        CriterionKind.PovertyRate => v.PovertyRate,
        CriterionKind.ExtremePoor => v.ExtremePoor,
        CriterionKind.IdmScore => v.IdmScore,
        CriterionKind.IdmStatus => IdmStatuses.Ordinal(v.IdmStatus),
        CriterionKind.PartnerGap => v.PartnerCount,
        CriterionKind.PartnerSynergy => v.PartnerCount >= 2 ? 1 : 0,
        CriterionKind.Transmigration => v.InTransmigrationArea ? 1
            : v.DistanceToTransmigrationKm is double d && d <= NearKm ? 0.5 : 0,
        CriterionKind.DistanceToSeat => v.DistanceToSeatKm,
        CriterionKind.DistanceToPoint => Point is var (lon, lat) ? GeoDistance.Km(v.Lon, v.Lat, lon, lat) : null,
        CriterionKind.Population => v.Population,
        _ => null,
    };

    /// <summary>A note explaining where a value came from, when it is not the village's own figure.</summary>
    public string? Note(PlannerVillage v) =>
        Kind == CriterionKind.PovertyRate && v.PovertyFromKabupaten && v.PovertyRate is not null ? "kabupaten rate" : null;
}
