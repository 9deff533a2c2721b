using DesaGis.Planning.Geo;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning.Criteria;

/// <summary>A validated criterion: what it measures, its weight, direction, normalisation and missing-value rule.</summary>
public sealed record Criterion(CriterionKind Kind, double Weight, Direction Direction, Normalisation Normalisation)
{
    /// <summary>Default distance within which a village counts as near a transmigration area.</summary>
    public const double DefaultNearKm = 5;

    public double NearKm { get; init; } = DefaultNearKm;

    /// <summary>For distance_to_point: (lon, lat).</summary>
    public (double Lon, double Lat)? Point { get; init; }

    /// <summary>What to do with a candidate that has no value of its own.</summary>
    public MissingRule Missing { get; init; } = MissingRule.Neutral;

    /// <summary>For a catalog indicator (<see cref="CriterionKind.Indicator"/>): its code.</summary>
    public string? Code { get; init; }

    /// <summary>For a catalog indicator: the year asked for (null = each village's latest).</summary>
    public int? Year { get; init; }

    /// <summary>For a catalog indicator: its names (English, Bahasa Indonesia).</summary>
    public string? NameEn { get; init; }
    public string? NameId { get; init; }

    public string Id => Kind == CriterionKind.Indicator ? Code! : CriterionCatalog.Get(Kind).Id;

    /// <summary>The catalog indicator the criterion reads, when it reads one.</summary>
    public string? IndicatorCode => Kind == CriterionKind.Indicator ? Code : CriterionCatalog.Get(Kind).IndicatorCode;

    /// <summary>"idm_score (IDM score 0–1)": the id with a description in the given language.</summary>
    public string Label(string language)
    {
        string? name = Kind == CriterionKind.Indicator
            ? (language == "en" ? NameEn : NameId) ?? NameEn ?? NameId
            : language == "en" ? CriterionCatalog.Get(Kind).Description : CriterionCatalog.Get(Kind).DescriptionId;
        return name is null ? Id : $"{Id} ({name})";
    }

    /// <summary>The village's own raw value for this criterion, or null when the village has no figure of its own.</summary>
    public double? RawValue(PlannerVillage v) => Figure(v)?.Measured;

    /// <summary>The village's own and inherited values. Catalog indicators come from <see cref="PlannerVillage.Figures"/>.</summary>
    public IndicatorFigure? Figure(PlannerVillage v)
    {
        if (IndicatorCode is { } code && v.Figures is { } figures)
            return figures.TryGetValue(code, out var f) ? f : null;
        return Kind switch
        {
            CriterionKind.PovertyRate => v.PovertyFromKabupaten
                ? new IndicatorFigure(null, v.PovertyRate, v.PovertyRate is null ? null : "kabupaten")
                : Own(v.PovertyRate),
            CriterionKind.ExtremePoor => Own(v.ExtremePoor),
            CriterionKind.IdmScore => Own(v.IdmScore),
            CriterionKind.IdmStatus => Own(IdmStatuses.Ordinal(v.IdmStatus)),
            CriterionKind.PartnerGap => Own(v.PartnerCount),
            CriterionKind.PartnerSynergy => Own(v.PartnerCount >= 2 ? 1 : 0),
            CriterionKind.Transmigration => Own(v.InTransmigrationArea ? 1
                : v.DistanceToTransmigrationKm is double d && d <= NearKm ? 0.5 : 0),
            CriterionKind.DistanceToSeat => Own(v.DistanceToSeatKm),
            CriterionKind.DistanceToPoint => Own(Point is var (lon, lat) ? GeoDistance.Km(v.Lon, v.Lat, lon, lat) : null),
            CriterionKind.Population => Own(v.Population),
            _ => null,
        };
    }

    /// <summary>
    /// The same as <see cref="Figure"/> without allocating, for scoring national runs: NaN where there is no value.
    /// </summary>
    internal void Values(PlannerVillage v, out double measured, out double inherited, out string? level)
    {
        level = null;
        inherited = double.NaN;
        if (Kind == CriterionKind.PovertyRate && v.Figures is null)
        {
            bool fromKabupaten = v.PovertyFromKabupaten && v.PovertyRate is not null;
            measured = fromKabupaten ? double.NaN : v.PovertyRate ?? double.NaN;
            inherited = fromKabupaten ? v.PovertyRate!.Value : double.NaN;
            level = fromKabupaten ? "kabupaten" : null;
            return;
        }
        if (v.Figures is not null && IndicatorCode is not null)
        {
            var f = Figure(v);
            measured = f?.Measured ?? double.NaN;
            inherited = f?.Inherited ?? double.NaN;
            level = f?.InheritedLevel;
            return;
        }
        measured = Kind switch
        {
            CriterionKind.ExtremePoor => v.ExtremePoor ?? double.NaN,
            CriterionKind.IdmScore => v.IdmScore ?? double.NaN,
            CriterionKind.IdmStatus => IdmStatuses.Ordinal(v.IdmStatus) ?? double.NaN,
            CriterionKind.PartnerGap => v.PartnerCount,
            CriterionKind.PartnerSynergy => v.PartnerCount >= 2 ? 1 : 0,
            CriterionKind.Transmigration => v.InTransmigrationArea ? 1 : v.DistanceToTransmigrationKm is double d && d <= NearKm ? 0.5 : 0,
            CriterionKind.DistanceToSeat => v.DistanceToSeatKm ?? double.NaN,
            CriterionKind.DistanceToPoint => Point is var (lon, lat) ? GeoDistance.Km(v.Lon, v.Lat, lon, lat) : double.NaN,
            CriterionKind.Population => v.Population ?? double.NaN,
            _ => double.NaN,
        };
    }

    private static IndicatorFigure? Own(double? value) => value is null ? null : new IndicatorFigure(value);

    /// <summary>The value a threshold compares: the village's own, else the one of the wider area it lies in.</summary>
    public double? ThresholdValue(PlannerVillage v) => Figure(v) is { } f ? f.Measured ?? f.Inherited : null;
}
