using DesaGis.Planning.Requests;

namespace DesaGis.Planning;

/// <summary>The <c>reach</c> section of a plan.</summary>
public static partial class PlanValidator
{
    /// <summary>The replication reach: radius, weighting and whether to prove the optimum.</summary>
    private static (double RadiusKm, ReachWeighting Weighting, bool Exact) ValidateReach(ReachRequest? requested, List<PlanError> errors)
    {
        double radius = 10;
        var weighting = ReachWeighting.Count;
        bool exact = false;
        if (requested is { } reach)
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
        return (radius, weighting, exact);
    }
}
