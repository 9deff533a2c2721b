using DesaGis.Planning.Criteria;
using DesaGis.Planning.Requests;

namespace DesaGis.Planning;

/// <summary>The <c>criteria</c> section of a plan.</summary>
public static partial class PlanValidator
{
    /// <summary>The weighted criteria, each checked against the built-in ones and the indicator catalog.</summary>
    private static (List<Criterion> Criteria, List<CriterionRequest> Normalised) ValidateCriteria(
        IReadOnlyList<CriterionRequest>? requested, IReadOnlyCollection<IndicatorDefinition> indicators, string known, List<PlanError> errors)
    {
        var criteria = new List<Criterion>();
        var normalisedCriteria = new List<CriterionRequest>();
        if (requested is not { Count: > 0 })
            errors.Add(new("criteria", $"Give at least one criterion, e.g. {{\"criterion\": \"poverty_rate\", \"weight\": 1}}. Known criteria: {known}."));
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < requested.Count; i++)
            {
                var c = requested[i];
                var path = $"criteria[{i}]";
                if (c is null) { errors.Add(new(path, "A criterion must be an object.")); continue; }
                var parsed = ParseCriterion(c, path, errors, indicators, known);
                if (parsed is null) continue;
                if (!seen.Add(parsed.IndicatorCode ?? parsed.Id))
                    errors.Add(new(path + ".criterion", $"'{parsed.Id}' is listed twice; give each criterion once."));
                criteria.Add(parsed);
                normalisedCriteria.Add(ToRequest(parsed));
            }
            if (criteria.Count > 0 && criteria.All(c => c.Weight == 0))
                errors.Add(new("criteria", "All weights are zero: give at least one criterion a positive weight."));
        }
        return (criteria, normalisedCriteria);
    }

    private static string KnownIds(IReadOnlyCollection<IndicatorDefinition> indicators)
    {
        var extra = indicators.Select(i => i.Code).Where(code => CriterionCatalog.Find(code) is null && CriterionCatalog.All.All(c => c.IndicatorCode != code)).ToList();
        return extra.Count == 0 ? CriterionCatalog.KnownIds : $"{CriterionCatalog.KnownIds}; from the indicator catalog: {string.Join(", ", extra)}";
    }

    private static Criterion? ParseCriterion(CriterionRequest c, string path, List<PlanError> errors, IReadOnlyCollection<IndicatorDefinition> indicators, string known)
    {
        var info = CriterionCatalog.Find(c.Criterion);
        var indicator = info is null ? indicators.FirstOrDefault(i => string.Equals(i.Code, c.Criterion?.Trim(), StringComparison.OrdinalIgnoreCase)) : null;
        if (info is null && indicator is null)
        {
            errors.Add(new(path + ".criterion", $"Unknown criterion '{Short(c.Criterion)}'. Known criteria: {known}."));
            return null;
        }
        info ??= new CriterionInfo(indicator!.Code, CriterionKind.Indicator, indicator.DefaultDirection ?? Direction.Benefit, indicator.NameEn, indicator.NameId, indicator.Code);
        bool ok = true;
        if (indicator is { DefaultDirection: null } && c.Direction is null)
        {
            errors.Add(new(path + ".direction", $"'{indicator.Code}' has no better or worse direction in the catalog: say whether a higher value makes a village a better pilot ('benefit') or a worse one ('cost')."));
            ok = false;
        }
        int? year = null;
        if (c.Year is int y)
        {
            if (info.IndicatorCode is null) { errors.Add(new(path + ".year", $"'{info.Id}' is not a catalog indicator and has no year.")); ok = false; }
            else if (y is < 1900 or > 2200) { errors.Add(new(path + ".year", $"year must be between 1900 and 2200 (got {y}); leave it out for each village's latest figure.")); ok = false; }
            else year = y;
        }
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
        var missing = MissingRule.Neutral;
        if (c.Missing is { } mr)
        {
            switch (mr.Trim().ToLowerInvariant())
            {
                case "neutral": missing = MissingRule.Neutral; break;
                case "parent": missing = MissingRule.Parent; break;
                case "exclude": missing = MissingRule.Exclude; break;
                case "zero": missing = MissingRule.Zero; break;
                default: errors.Add(new(path + ".missing", $"Unknown missing-value rule '{Short(mr)}': use 'neutral' (the default), 'parent', 'exclude' or 'zero'.")); ok = false; break;
            }
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
        return ok ? new Criterion(info.Kind, weight, direction, normalisation)
        {
            NearKm = nearKm, Point = point, Missing = missing, Year = year,
            Code = indicator?.Code, NameEn = indicator?.NameEn, NameId = indicator?.NameId,
        } : null;
    }

    private static CriterionRequest ToRequest(Criterion c) => new()
    {
        Criterion = c.Id,
        Weight = c.Weight,
        Direction = c.Direction == Direction.Cost ? "cost" : "benefit",
        Normalisation = c.Normalisation == Normalisation.Rank ? "rank" : "minmax",
        Missing = Scoring.ScoreModel.RuleName(c.Missing),
        Year = c.Year,
        NearKm = c.Kind == CriterionKind.Transmigration ? c.NearKm : null,
        Point = c.Point is var (lon, lat) ? [lon, lat] : null,
    };
}
