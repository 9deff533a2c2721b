using DesaGis.Planning.Villages;

namespace DesaGis.Planning;

/// <summary>
/// The work a plan will take, estimated from its size before it runs. Measured on the reach selector: one run costs
/// about villages × neighbours (the neighbourhoods and first gains) plus picks × neighbours² (each pick's swap
/// improvement), with neighbours the villages within the radius and picks min(k, villages), at roughly ten million
/// steps a second on one core; each robustness draw is another run. Refused above <see cref="MaxWork"/> (about ten seconds of one core), with
/// what to change.
/// </summary>
public static class PlanCost
{
    /// <summary>The largest estimate a run may have.</summary>
    public const double MaxWork = 1e8;

    /// <summary>The estimated work units of a run.</summary>
    public static double Estimate(PlanParameters parameters, IReadOnlyList<PlannerVillage> villages)
    {
        double n = villages.Count;
        if (n == 0) return 0;
        double runs = 1 + Math.Max(0, parameters.Draws);
        if (parameters.Method != PlanMethod.Reach) return runs * n;
        // Neighbours within the radius, assuming the villages spread evenly over their bounding box.
        double minLon = double.MaxValue, maxLon = double.MinValue, minLat = double.MaxValue, maxLat = double.MinValue;
        foreach (var v in villages)
        {
            minLon = Math.Min(minLon, v.Lon); maxLon = Math.Max(maxLon, v.Lon);
            minLat = Math.Min(minLat, v.Lat); maxLat = Math.Max(maxLat, v.Lat);
        }
        double kmPerDegree = 111.32;
        double widthKm = Math.Max(1, (maxLon - minLon) * kmPerDegree * Math.Cos((minLat + maxLat) / 2 * Math.PI / 180));
        double heightKm = Math.Max(1, (maxLat - minLat) * kmPerDegree);
        double neighbours = Math.Clamp(n * Math.PI * parameters.RadiusKm * parameters.RadiusKm / (widthKm * heightKm), 1, n);
        return runs * (n * neighbours + Math.Min(parameters.K, n) * neighbours * neighbours);
    }

    /// <summary>Throws a <see cref="PlanValidationException"/> when the run would cost more than <see cref="MaxWork"/>.</summary>
    public static void Check(PlanParameters parameters, IReadOnlyList<PlannerVillage> villages)
    {
        var work = Estimate(parameters, villages);
        if (work <= MaxWork) return;
        throw new PlanValidationException([new PlanError("robustness.draws",
            $"This plan is too large to run here: {villages.Count} villages, k = {parameters.K}, radius {parameters.RadiusKm:0.#} km and " +
            $"{parameters.Draws} robustness draws come to about {work / MaxWork:0.#} times the work one run may take. " +
            "Lower robustness.draws (e.g. 0–20), the radius or k, or plan a smaller area (kabupaten or kecamatan codes).")]);
    }
}
