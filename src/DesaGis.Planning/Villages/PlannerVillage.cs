namespace DesaGis.Planning.Villages;

/// <summary>
/// One village as the planner sees it: plain values, loaded by the data layer (or built by hand in tests).
/// Missing figures stay null; what a criterion does with a missing value is its <see cref="Criteria.MissingRule"/>.
/// </summary>
/// <param name="Kode">Kemendagri village code, dotted.</param>
/// <param name="Nama">Village name.</param>
/// <param name="KecamatanKode">Kemendagri kecamatan code.</param>
/// <param name="KabupatenKode">Kemendagri kabupaten/kota code.</param>
/// <param name="Lon">Longitude of the village's representative point (EPSG:4326).</param>
/// <param name="Lat">Latitude of the village's representative point (EPSG:4326).</param>
public sealed record PlannerVillage(string Kode, string Nama, string KecamatanKode, string KabupatenKode, double Lon, double Lat)
{
    public int? Population { get; init; }

    /// <summary>Poverty rate P0 in percent.</summary>
    public double? PovertyRate { get; init; }

    /// <summary>True when <see cref="PovertyRate"/> is the kabupaten's rate standing in for a missing village figure.</summary>
    public bool PovertyFromKabupaten { get; init; }

    public int? ExtremePoor { get; init; }

    /// <summary>IDM score, 0–1.</summary>
    public double? IdmScore { get; init; }

    /// <summary>MANDIRI, MAJU, BERKEMBANG, TERTINGGAL or SANGAT_TERTINGGAL.</summary>
    public string? IdmStatus { get; init; }

    public int ProgramCount { get; init; }
    public int PartnerCount { get; init; }
    public bool InTransmigrationArea { get; init; }

    /// <summary>Kilometres to the nearest transmigration area (0 inside one); null when no area is known.</summary>
    public double? DistanceToTransmigrationKm { get; init; }

    /// <summary>
    /// Catalog figures by indicator code, measured and inherited apart. When present they are what the criteria read;
    /// the fixed properties above remain for constraints, reach weights and villages built by hand.
    /// </summary>
    public IReadOnlyDictionary<string, IndicatorFigure>? Figures { get; init; }

    /// <summary>Kilometres to the kabupaten seat.</summary>
    public double? DistanceToSeatKm { get; init; }
}
