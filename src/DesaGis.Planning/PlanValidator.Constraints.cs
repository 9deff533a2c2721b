using DesaGis.Planning.Criteria;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning;

/// <summary>The <c>constraints</c> section of a plan.</summary>
public static partial class PlanValidator
{
    /// <summary>The constraints: IDM statuses, thresholds (measured as the weighted criterion of the same id), quotas and spacing.</summary>
    private static (HashSet<string>? IdmStatus, List<Threshold> Thresholds, int? MaxPerKecamatan, double? MinDistanceKm) ValidateConstraints(
        ConstraintsRequest? requested, IReadOnlyList<Criterion> criteria, List<PlanError> errors)
    {
        HashSet<string>? idm = null;
        var thresholds = new List<Threshold>();
        int? maxPerKec = null;
        double? minDist = null;
        if (requested is { } cons)
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
                        errors.Add(new(path + ".criterion", $"Unknown criterion '{Short(t?.Criterion)}'. Thresholds take the built-in criteria: {CriterionCatalog.KnownIds}."));
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
        return (idm, thresholds, maxPerKec, minDist);
    }
}
