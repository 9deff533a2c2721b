namespace DesaGis.Planning.Criteria;

/// <summary>The built-in criteria a plan may use, by public id; any catalog indicator is a criterion too (<see cref="CriterionKind.Indicator"/>).</summary>
public static class CriterionCatalog
{
    public static readonly IReadOnlyList<CriterionInfo> All =
    [
        new("poverty_rate", CriterionKind.PovertyRate, Direction.Benefit, "Poverty rate P0, percent", "Persentase penduduk miskin P0", "poverty_rate"),
        new("extreme_poor", CriterionKind.ExtremePoor, Direction.Benefit, "People in extreme poverty", "Penduduk miskin ekstrem", "extreme_poor_people"),
        new("idm_score", CriterionKind.IdmScore, Direction.Cost, "IDM score 0–1", "Skor IDM 0–1", "idm_score"),
        new("idm_status", CriterionKind.IdmStatus, Direction.Cost, "IDM status, 1 (SANGAT_TERTINGGAL) to 5 (MANDIRI)", "Status IDM, 1 (SANGAT_TERTINGGAL) sampai 5 (MANDIRI)", "idm_status"),
        new("partner_gap", CriterionKind.PartnerGap, Direction.Cost, "Distinct partners covering the village (favours uncovered villages)", "Jumlah mitra di desa (mengutamakan desa tanpa mitra)"),
        new("partner_synergy", CriterionKind.PartnerSynergy, Direction.Benefit, "1 where two or more partners overlap, else 0", "1 bila dua mitra atau lebih bertemu, selain itu 0"),
        new("transmigration", CriterionKind.Transmigration, Direction.Benefit, "1 inside a transmigration area, 0.5 near one, else 0", "1 di kawasan transmigrasi, 0,5 di dekatnya, selain itu 0"),
        new("distance_to_seat", CriterionKind.DistanceToSeat, Direction.Cost, "Km to the kabupaten seat", "Jarak (km) ke ibu kota kabupaten"),
        new("distance_to_point", CriterionKind.DistanceToPoint, Direction.Cost, "Km to a chosen point", "Jarak (km) ke titik pilihan"),
        new("population", CriterionKind.Population, Direction.Benefit, "Population", "Jumlah penduduk", "population"),
    ];

    public static CriterionInfo? Find(string? id) =>
        id is null ? null : All.FirstOrDefault(c => string.Equals(c.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    // By kind, for lookups per village and criterion on national runs (a search through All there cost more than the scoring).
    private static readonly Dictionary<CriterionKind, CriterionInfo> ByKind = All.ToDictionary(c => c.Kind);

    public static CriterionInfo Get(CriterionKind kind) =>
        ByKind.TryGetValue(kind, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a built-in criterion.");

    public static string KnownIds => string.Join(", ", All.Select(c => c.Id));
}
