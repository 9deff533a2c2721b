namespace DesaGis.Planning.Criteria;

/// <summary>The criteria a plan may use, by public id.</summary>
public static class CriterionCatalog
{
    public static readonly IReadOnlyList<CriterionInfo> All =
    [
        new("poverty_rate", CriterionKind.PovertyRate, Direction.Benefit, "Poverty rate P0, percent"),
        new("extreme_poor", CriterionKind.ExtremePoor, Direction.Benefit, "People in extreme poverty"),
        new("idm_score", CriterionKind.IdmScore, Direction.Cost, "IDM score 0–1"),
        new("idm_status", CriterionKind.IdmStatus, Direction.Cost, "IDM status, 1 (SANGAT_TERTINGGAL) to 5 (MANDIRI)"),
        new("partner_gap", CriterionKind.PartnerGap, Direction.Cost, "Distinct partners covering the village (favours uncovered villages)"),
        new("partner_synergy", CriterionKind.PartnerSynergy, Direction.Benefit, "1 where two or more partners overlap, else 0"),
        new("transmigration", CriterionKind.Transmigration, Direction.Benefit, "1 inside a transmigration area, 0.5 near one, else 0"),
        new("distance_to_seat", CriterionKind.DistanceToSeat, Direction.Cost, "Km to the kabupaten seat"),
        new("distance_to_point", CriterionKind.DistanceToPoint, Direction.Cost, "Km to a chosen point"),
        new("population", CriterionKind.Population, Direction.Benefit, "Population"),
    ];

    public static CriterionInfo? Find(string? id) =>
        id is null ? null : All.FirstOrDefault(c => string.Equals(c.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    public static CriterionInfo Get(CriterionKind kind) => All.First(c => c.Kind == kind);

    public static string KnownIds => string.Join(", ", All.Select(c => c.Id));
}
