namespace DesaGis.Planning.Criteria;

/// <summary>What a criterion measures.</summary>
public enum CriterionKind
{
    PovertyRate,
    ExtremePoor,
    IdmScore,
    IdmStatus,
    PartnerGap,
    PartnerSynergy,
    Transmigration,
    DistanceToSeat,
    DistanceToPoint,
    Population,

    /// <summary>Any indicator of the catalog, by code (see <see cref="Criterion.Code"/>).</summary>
    Indicator,
}
