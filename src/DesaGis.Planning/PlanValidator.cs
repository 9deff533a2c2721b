using System.Globalization;
using DesaGis.Planning.Criteria;
using DesaGis.Planning.Requests;

namespace DesaGis.Planning;

/// <summary>
/// Checks a <see cref="PlanRequest"/> and turns it into <see cref="PlanParameters"/>, collecting every problem
/// (not just the first) so that one answer tells the planner everything to change. Each section of the request is
/// checked in a file of its own (PlanValidator.Criteria.cs, .Area.cs, .Constraints.cs, .Reach.cs, .Pins.cs,
/// .Robustness.cs); this one puts them together.
/// </summary>
public static partial class PlanValidator
{
    public const int MaxK = 1000;
    public const double MaxRadiusKm = 200;
    public const int MaxDraws = 1000;
    public const int MaxRunnersUp = 50;

    /// <summary>Most vertices in an area polygon: checked before the polygon is validated, which costs more per vertex.</summary>
    public const int MaxAreaVertices = 20_000;

    /// <summary>Most polygons in an area MultiPolygon (validating one compares its parts pairwise).</summary>
    public const int MaxAreaParts = 500;

    /// <summary>Validates; throws <see cref="PlanValidationException"/> listing every problem.</summary>
    /// <param name="request">The request.</param>
    /// <param name="indicators">The indicator catalog: its codes are criteria too (none when null).</param>
    public static PlanParameters Validate(PlanRequest? request, IReadOnlyCollection<IndicatorDefinition>? indicators = null)
    {
        indicators ??= [];
        string known = KnownIds(indicators);
        var errors = new List<PlanError>();
        if (request is null) throw new PlanValidationException([new("$", "The body must be a JSON object with at least 'criteria'.")]);

        var method = PlanMethod.Ranking;
        if (request.Method is { } m)
        {
            if (string.Equals(m, "ranking", StringComparison.OrdinalIgnoreCase)) method = PlanMethod.Ranking;
            else if (string.Equals(m, "reach", StringComparison.OrdinalIgnoreCase)) method = PlanMethod.Reach;
            else errors.Add(new("method", $"Unknown method '{Short(m)}': use 'ranking' or 'reach'."));
        }

        int k = request.K ?? 10;
        if (k < 1 || k > MaxK) errors.Add(new("k", $"k must be between 1 and {MaxK} (got {k})."));

        var (criteria, normalisedCriteria) = ValidateCriteria(request.Criteria, indicators, known, errors);
        var (kab, kec, polygon) = ValidateArea(request.Area, errors);
        var (idm, thresholds, maxPerKec, minDist) = ValidateConstraints(request.Constraints, criteria, errors);
        var (radius, weighting, exact) = ValidateReach(request.Reach, errors);
        var (include, exclude) = ValidatePins(request.Pins, k, errors);
        var (draws, perturbation, seed) = ValidateRobustness(request.Robustness, method, errors);
        int runnersUp = request.RunnersUp ?? 5;
        if (runnersUp < 0 || runnersUp > MaxRunnersUp) errors.Add(new("runnersUp", $"runnersUp must be between 0 and {MaxRunnersUp}."));

        if (errors.Count > 0) throw new PlanValidationException(errors);

        var normalised = new PlanRequest
        {
            Method = method == PlanMethod.Reach ? "reach" : "ranking",
            K = k,
            Criteria = normalisedCriteria,
            Area = request.Area is null ? null : request.Area with
            {
                Kabupaten = kab.Count > 0 ? kab.Order(StringComparer.Ordinal).ToList() : null,
                Kecamatan = kec.Count > 0 ? kec.Order(StringComparer.Ordinal).ToList() : null,
            },
            Constraints = request.Constraints is null ? null : new ConstraintsRequest
            {
                IdmStatus = idm?.Order(StringComparer.Ordinal).ToList(),
                Thresholds = thresholds.Count > 0 ? thresholds.Select(t => new ThresholdRequest { Criterion = t.Criterion.Id, Min = t.Min, Max = t.Max }).ToList() : null,
                MaxPerKecamatan = maxPerKec,
                MinDistanceKm = minDist,
            },
            Reach = new ReachRequest { RadiusKm = radius, Weighting = weighting == ReachWeighting.Poverty ? "poverty" : "count", Exact = exact },
            Pins = include.Count + exclude.Count > 0
                ? new PinsRequest { Include = include, Exclude = exclude.Order(StringComparer.Ordinal).ToList() }
                : null,
            Robustness = new RobustnessRequest { Draws = draws, Perturbation = perturbation, Seed = seed },
            RunnersUp = runnersUp,
        };

        return new PlanParameters
        {
            Method = method,
            K = k,
            Criteria = criteria,
            AreaKabupaten = kab,
            AreaKecamatan = kec,
            AreaPolygon = polygon,
            IdmStatus = idm,
            Thresholds = thresholds,
            MaxPerKecamatan = maxPerKec,
            MinDistanceKm = minDist,
            RadiusKm = radius,
            Weighting = weighting,
            Exact = exact,
            Include = include,
            Exclude = exclude,
            Draws = draws,
            Perturbation = perturbation,
            Seed = seed,
            RunnersUp = runnersUp,
            Normalised = normalised,
        };
    }

    private static bool Finite(double? x) => x is null || double.IsFinite(x.Value);

    private static string Short(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..60] + "…";

    internal static string Invariant(double x) => x.ToString(CultureInfo.InvariantCulture);
}
