using System.Globalization;
using System.Text.Json;
using DesaGis.Core.Codes;
using DesaGis.Planning.Criteria;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Villages;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace DesaGis.Planning;

/// <summary>
/// Checks a <see cref="PlanRequest"/> and turns it into <see cref="PlanParameters"/>, collecting every problem
/// (not just the first) so that one answer tells the planner everything to change.
/// </summary>
public static class PlanValidator
{
    public const int MaxK = 1000;
    public const double MaxRadiusKm = 200;
    public const int MaxDraws = 1000;
    public const int MaxRunnersUp = 50;

    /// <summary>Most vertices in an area polygon: checked before the polygon is validated, which costs more per vertex.</summary>
    public const int MaxAreaVertices = 20_000;

    /// <summary>Most polygons in an area MultiPolygon (validating one compares its parts pairwise).</summary>
    public const int MaxAreaParts = 500;

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Validates; throws <see cref="PlanValidationException"/> listing every problem.</summary>
    public static PlanParameters Validate(PlanRequest? request)
    {
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

        var criteria = new List<Criterion>();
        var normalisedCriteria = new List<CriterionRequest>();
        if (request.Criteria is not { Count: > 0 })
            errors.Add(new("criteria", $"Give at least one criterion, e.g. {{\"criterion\": \"poverty_rate\", \"weight\": 1}}. Known criteria: {CriterionCatalog.KnownIds}."));
        else
        {
            var seen = new HashSet<CriterionKind>();
            for (int i = 0; i < request.Criteria.Count; i++)
            {
                var c = request.Criteria[i];
                var path = $"criteria[{i}]";
                if (c is null) { errors.Add(new(path, "A criterion must be an object.")); continue; }
                var parsed = ParseCriterion(c, path, errors);
                if (parsed is null) continue;
                if (!seen.Add(parsed.Kind))
                    errors.Add(new(path + ".criterion", $"'{parsed.Id}' is listed twice; give each criterion once."));
                criteria.Add(parsed);
                normalisedCriteria.Add(ToRequest(parsed));
            }
            if (criteria.Count > 0 && criteria.All(c => c.Weight == 0))
                errors.Add(new("criteria", "All weights are zero: give at least one criterion a positive weight."));
        }

        // Area
        var kab = new HashSet<string>(StringComparer.Ordinal);
        var kec = new HashSet<string>(StringComparer.Ordinal);
        Geometry? polygon = null;
        if (request.Area is { } area)
        {
            ParseCodes(area.Kabupaten, AdminLevel.Kabupaten, "area.kabupaten", kab, errors);
            ParseCodes(area.Kecamatan, AdminLevel.Kecamatan, "area.kecamatan", kec, errors);
            if (area.Polygon is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } poly)
                polygon = ParsePolygon(poly, errors);
        }

        // Constraints
        HashSet<string>? idm = null;
        var thresholds = new List<Threshold>();
        int? maxPerKec = null;
        double? minDist = null;
        if (request.Constraints is { } cons)
        {
            if (cons.IdmStatus is { } statuses)
            {
                idm = new HashSet<string>(StringComparer.Ordinal);
                if (statuses.Count == 0)
                    errors.Add(new("constraints.idmStatus", "An empty IDM status set allows no village; leave it out to allow every status."));
                for (int i = 0; i < statuses.Count; i++)
                {
                    var s = statuses[i]?.Trim().ToUpperInvariant();
                    if (!IdmStatuses.IsKnown(s))
                        errors.Add(new($"constraints.idmStatus[{i}]", $"Unknown IDM status '{Short(statuses[i])}': use {string.Join(", ", IdmStatuses.Ordered)}."));
                    else idm.Add(s!);
                }
            }
            if (cons.Thresholds is { } ths)
            {
                for (int i = 0; i < ths.Count; i++)
                {
                    var t = ths[i];
                    var path = $"constraints.thresholds[{i}]";
                    var info = CriterionCatalog.Find(t?.Criterion);
                    if (t is null || info is null)
                    {
                        errors.Add(new(path + ".criterion", $"Unknown criterion '{Short(t?.Criterion)}'. Known criteria: {CriterionCatalog.KnownIds}."));
                        continue;
                    }
                    if (t.Min is null && t.Max is null) { errors.Add(new(path, "Give 'min', 'max' or both.")); continue; }
                    if (t.Min is double lo && t.Max is double hi && lo > hi)
                    {
                        errors.Add(new(path, $"min {Threshold.Fmt(lo)} is greater than max {Threshold.Fmt(hi)}: no village can satisfy it; swap or widen them."));
                        continue;
                    }
                    if (!Finite(t.Min) || !Finite(t.Max)) { errors.Add(new(path, "min and max must be finite numbers.")); continue; }
                    // A threshold measures the same way as the weighted criterion of the same id (its point or nearKm).
                    var basis = criteria.FirstOrDefault(c => c.Kind == info.Kind)
                                ?? new Criterion(info.Kind, 0, info.DefaultDirection, Normalisation.MinMax);
                    if (info.Kind == CriterionKind.DistanceToPoint && basis.Point is null)
                    {
                        errors.Add(new(path, "A threshold on distance_to_point needs the distance_to_point criterion (with its point) in 'criteria'."));
                        continue;
                    }
                    thresholds.Add(new Threshold(basis, t.Min, t.Max));
                }
            }
            if (cons.MaxPerKecamatan is int mpk)
            {
                if (mpk < 1) errors.Add(new("constraints.maxPerKecamatan", $"maxPerKecamatan must be at least 1 (got {mpk}); leave it out for no quota."));
                else maxPerKec = mpk;
            }
            if (cons.MinDistanceKm is double md)
            {
                if (md < 0 || !double.IsFinite(md)) errors.Add(new("constraints.minDistanceKm", "minDistanceKm must be 0 or more."));
                else if (md > 0) minDist = md;
            }
        }

        // Reach
        double radius = 10;
        var weighting = ReachWeighting.Count;
        bool exact = false;
        if (request.Reach is { } reach)
        {
            if (reach.RadiusKm is double r)
            {
                if (!(r > 0 && r <= MaxRadiusKm)) errors.Add(new("reach.radiusKm", $"radiusKm must be more than 0 and at most {MaxRadiusKm} (got {Threshold.Fmt(r)})."));
                else radius = r;
            }
            if (reach.Weighting is { } w)
            {
                if (string.Equals(w, "count", StringComparison.OrdinalIgnoreCase)) weighting = ReachWeighting.Count;
                else if (string.Equals(w, "poverty", StringComparison.OrdinalIgnoreCase)) weighting = ReachWeighting.Poverty;
                else errors.Add(new("reach.weighting", $"Unknown weighting '{Short(w)}': use 'count' or 'poverty'."));
            }
            exact = reach.Exact ?? false;
        }

        // Pins
        var include = new List<string>();
        var exclude = new HashSet<string>(StringComparer.Ordinal);
        if (request.Pins is { } pins)
        {
            var inc = new HashSet<string>(StringComparer.Ordinal);
            ParseCodes(pins.Include, AdminLevel.Desa, "pins.include", inc, errors);
            ParseCodes(pins.Exclude, AdminLevel.Desa, "pins.exclude", exclude, errors);
            include.AddRange(inc.Order(StringComparer.Ordinal));
            foreach (var both in inc.Intersect(exclude).Order(StringComparer.Ordinal))
                errors.Add(new("pins", $"Village {both} is both included and excluded; keep it in one list."));
            if (include.Count > k) errors.Add(new("pins.include", $"{include.Count} villages are pinned but k is {k}: raise k or unpin some."));
        }

        // Robustness
        int draws = method == PlanMethod.Reach ? PlanParameters.DefaultReachDraws : PlanParameters.DefaultDraws;
        double perturbation = 0.2;
        int seed = 42;
        if (request.Robustness is { } rob)
        {
            if (rob.Draws is int d)
            {
                if (d < 0 || d > MaxDraws) errors.Add(new("robustness.draws", $"draws must be between 0 and {MaxDraws}."));
                else draws = d;
            }
            if (rob.Perturbation is double p)
            {
                if (!(p >= 0 && p < 1)) errors.Add(new("robustness.perturbation", "perturbation must be at least 0 and below 1 (0.2 = ±20 %)."));
                else perturbation = p;
            }
            seed = rob.Seed ?? seed;
        }
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

    private static Criterion? ParseCriterion(CriterionRequest c, string path, List<PlanError> errors)
    {
        var info = CriterionCatalog.Find(c.Criterion);
        if (info is null)
        {
            errors.Add(new(path + ".criterion", $"Unknown criterion '{Short(c.Criterion)}'. Known criteria: {CriterionCatalog.KnownIds}."));
            return null;
        }
        bool ok = true;
        double weight = c.Weight ?? 1;
        if (!double.IsFinite(weight) || weight < 0)
        {
            errors.Add(new(path + ".weight", $"The weight of '{info.Id}' is {Threshold.Fmt(weight)}: weights must be 0 or more (use direction 'cost' to favour low values)."));
            ok = false;
        }
        var direction = info.DefaultDirection;
        if (c.Direction is { } d)
        {
            if (string.Equals(d, "benefit", StringComparison.OrdinalIgnoreCase)) direction = Direction.Benefit;
            else if (string.Equals(d, "cost", StringComparison.OrdinalIgnoreCase)) direction = Direction.Cost;
            else { errors.Add(new(path + ".direction", $"Unknown direction '{Short(d)}': use 'benefit' or 'cost'.")); ok = false; }
        }
        var normalisation = Normalisation.MinMax;
        if (c.Normalisation is { } n)
        {
            if (string.Equals(n, "minmax", StringComparison.OrdinalIgnoreCase) || string.Equals(n, "min-max", StringComparison.OrdinalIgnoreCase)) normalisation = Normalisation.MinMax;
            else if (string.Equals(n, "rank", StringComparison.OrdinalIgnoreCase)) normalisation = Normalisation.Rank;
            else { errors.Add(new(path + ".normalisation", $"Unknown normalisation '{Short(n)}': use 'minmax' or 'rank'.")); ok = false; }
        }
        double nearKm = Criterion.DefaultNearKm;
        if (c.NearKm is double nk)
        {
            if (!(nk >= 0 && nk <= MaxRadiusKm)) { errors.Add(new(path + ".nearKm", $"nearKm must be between 0 and {MaxRadiusKm}.")); ok = false; }
            else nearKm = nk;
        }
        (double, double)? point = null;
        if (info.Kind == CriterionKind.DistanceToPoint)
        {
            if (c.Point is not { Count: 2 } p || !(p[0] is >= -180 and <= 180) || !(p[1] is >= -90 and <= 90))
            {
                errors.Add(new(path + ".point", "distance_to_point needs 'point': [lon, lat] in degrees, e.g. [114.59, -3.0]."));
                ok = false;
            }
            else point = (p[0], p[1]);
        }
        return ok ? new Criterion(info.Kind, weight, direction, normalisation) { NearKm = nearKm, Point = point } : null;
    }

    private static CriterionRequest ToRequest(Criterion c) => new()
    {
        Criterion = c.Id,
        Weight = c.Weight,
        Direction = c.Direction == Direction.Cost ? "cost" : "benefit",
        Normalisation = c.Normalisation == Normalisation.Rank ? "rank" : "minmax",
        NearKm = c.Kind == CriterionKind.Transmigration ? c.NearKm : null,
        Point = c.Point is var (lon, lat) ? [lon, lat] : null,
    };

    private static void ParseCodes(IReadOnlyList<string>? codes, AdminLevel level, string path, HashSet<string> into, List<PlanError> errors)
    {
        if (codes is null) return;
        for (int i = 0; i < codes.Count; i++)
        {
            var code = KemendagriCode.TryParse(codes[i]);
            if (code is null || code.Level != level)
                errors.Add(new($"{path}[{i}]", $"'{Short(codes[i])}' is not a Kemendagri {level.ToString().ToLowerInvariant()} code (e.g. {Example(level)})."));
            else into.Add(code.Dotted);
        }
    }

    private static string Example(AdminLevel level) => level switch
    {
        AdminLevel.Kabupaten => "63.04",
        AdminLevel.Kecamatan => "63.04.01",
        _ => "63.04.01.2001",
    };

    private static Geometry? ParsePolygon(JsonElement element, List<PlanError> errors)
    {
        Geometry? geometry = null;
        try
        {
            if (element.ValueKind == JsonValueKind.String)
                geometry = new WKTReader().Read(element.GetString());
            else if (element.ValueKind == JsonValueKind.Object)
                geometry = element.Deserialize<Geometry>(GeoJsonOptions);
        }
        catch (Exception ex) when (ex is ParseException or JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            geometry = null;
        }
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            errors.Add(new("area.polygon", "The polygon must be a WKT POLYGON/MULTIPOLYGON string or a GeoJSON Polygon/MultiPolygon object in EPSG:4326."));
            return null;
        }
        if (geometry.NumPoints > MaxAreaVertices || geometry.NumGeometries > MaxAreaParts)
        {
            errors.Add(new("area.polygon",
                $"The area has {geometry.NumPoints} vertices in {geometry.NumGeometries} polygon(s); at most {MaxAreaVertices} vertices in {MaxAreaParts} polygons are accepted. " +
                "Simplify the outline, or give the area as kabupaten/kecamatan codes."));
            return null;
        }
        var env = geometry.EnvelopeInternal;
        if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90)
        {
            errors.Add(new("area.polygon", "The polygon's coordinates must be longitude/latitude degrees (EPSG:4326)."));
            return null;
        }
        // A self-intersecting hand-drawn polygon is repaired rather than refused.
        if (!geometry.IsValid) geometry = geometry.Buffer(0);
        geometry.SRID = 4326;
        return geometry;
    }

    private static bool Finite(double? x) => x is null || double.IsFinite(x.Value);

    private static string Short(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..60] + "…";

    internal static string Invariant(double x) => x.ToString(CultureInfo.InvariantCulture);
}
