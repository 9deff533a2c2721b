using DesaGis.Planning.Geo;
using DesaGis.Planning.Scoring;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning.Selection;

/// <summary>
/// A run's candidate villages (those in the area, ordered by code) and what is known about each before choosing:
/// pinned, excluded, and whether the pilot constraints (IDM status, thresholds) allow it.
/// </summary>
internal sealed class PlanContext
{
    private GridIndex? _grid;

    public PlanContext(PlanParameters parameters, PlannerVillage[] candidates)
    {
        Parameters = parameters;
        Villages = candidates;
        int n = candidates.Length;
        Pinned = new bool[n];
        Excluded = new bool[n];
        Eligible = new bool[n];
        IneligibleReason = new string?[n];
        Lon = candidates.Select(v => v.Lon).ToArray();
        Lat = candidates.Select(v => v.Lat).ToArray();
        var include = new HashSet<string>(parameters.Include, StringComparer.Ordinal);
        Model = ScoreModel.Build(parameters.Criteria, candidates);
        for (int i = 0; i < n; i++)
        {
            var v = candidates[i];
            Pinned[i] = include.Contains(v.Kode);
            Excluded[i] = parameters.Exclude.Contains(v.Kode);
            IneligibleReason[i] = Excluded[i] ? "excluded by a pin" : PilotConstraintViolation(parameters, v) ?? Model.NotEligible[i];
            Eligible[i] = Pinned[i] || IneligibleReason[i] is null;
        }
    }

    public PlanParameters Parameters { get; }
    public PlannerVillage[] Villages { get; }
    public double[] Lon { get; }
    public double[] Lat { get; }
    public bool[] Pinned { get; }
    public bool[] Excluded { get; }

    /// <summary>May be chosen: pinned, or not excluded, satisfying IDM status and thresholds, and holding every value a criterion with rule exclude needs.</summary>
    public bool[] Eligible { get; }

    /// <summary>Why a village may not be a pilot (for pinned villages: the constraint they override).</summary>
    public string?[] IneligibleReason { get; }
    public ScoreModel Model { get; }

    public int Count => Villages.Length;

    /// <summary>A grid over all candidates for the reach radius (built on first use).</summary>
    public GridIndex Grid => _grid ??= new GridIndex(Lon, Lat, Parameters.RadiusKm);

    public IEnumerable<int> PinnedIndexes() => Enumerable.Range(0, Count).Where(i => Pinned[i]);

    public PilotConstraints NewConstraints() => new(Villages, Parameters.MaxPerKecamatan, Parameters.MinDistanceKm);

    /// <summary>Reach weight of each village: 1, or its poverty rate (0 when unknown).</summary>
    public double[] DemandWeights() => Parameters.Weighting == ReachWeighting.Poverty
        ? Villages.Select(v => v.PovertyRate ?? 0).ToArray()
        : Enumerable.Repeat(1.0, Count).ToArray();

    /// <summary>Null when the village satisfies the IDM status set and every threshold, else why not.</summary>
    public static string? PilotConstraintViolation(PlanParameters p, PlannerVillage v)
    {
        if (p.IdmStatus is { } allowed && (v.IdmStatus is null || !allowed.Contains(v.IdmStatus.ToUpperInvariant())))
            return $"IDM status {v.IdmStatus ?? "unknown"} is not in {{{string.Join(", ", allowed.Order(StringComparer.Ordinal))}}}";
        foreach (var t in p.Thresholds)
            if (t.Violation(v) is { } why) return why;
        return null;
    }
}
