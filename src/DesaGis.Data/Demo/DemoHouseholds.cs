using System.Globalization;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>
/// Synthetic extreme-poor households for the restricted layer. Each village gets
/// <c>min(extreme_poor_households of the latest year, cap)</c> records, the cap being 40 per village, lowered for large
/// runs so that a dataset never holds much more than <see cref="DatasetBudget"/> records (4 per village at 83,000
/// villages). Points lie strictly inside the village polygon: uniform points in its envelope, snapped to the 1e-5° grid,
/// rejected until one is interior. Every village has its own random stream keyed by its code, so a village's households
/// do not depend on the order in which villages are made.
/// </summary>
public static class DemoHouseholds
{
    /// <summary>At most this many records per village, whatever the indicator says; keeps the default file near 1 MB.</summary>
    public const int MaxPerVillage = 40;

    /// <summary>The number of records a dataset aims to stay within; the per-village cap shrinks to honour it.</summary>
    public const int DatasetBudget = 400_000;

    // A cell is a convex-ish Voronoi polygon filling much of its envelope; this many misses means something is broken.
    private const int MaxAttempts = 10_000;

    /// <summary>The most records any one village gets in a dataset of <paramref name="villages"/> villages.</summary>
    public static int CapFor(int villages) => Math.Clamp(DatasetBudget / Math.Max(1, villages), 1, MaxPerVillage);

    /// <summary>How many records a village with <paramref name="extremePoorHouseholds"/> extreme-poor households gets.</summary>
    public static int CountFor(int extremePoorHouseholds, int cap) => Math.Min(Math.Max(0, extremePoorHouseholds), cap);

    /// <summary>The households of one region's villages, ordered by code (and so by village).</summary>
    public static List<DemoHousehold> Generate(long seed, int cap, IReadOnlyList<DemoVillage> villages,
        IReadOnlyDictionary<string, DemoVillageIndicator> latest)
    {
        var households = new List<DemoHousehold>();
        foreach (var village in villages)
        {
            var indicator = latest[village.Kode];
            int count = CountFor(indicator.ExtremePoorHouseholds, cap);
            if (count == 0) continue;
            var rng = DemoRandom.Derive(seed, "households", long.Parse(village.Kode.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
            var locator = new IndexedPointInAreaLocator(village.Geometry);
            var envelope = village.Geometry.EnvelopeInternal;
            for (int i = 1; i <= count; i++)
            {
                var name = DemoNames.HeadOfHousehold(rng);
                // Extreme-poor households are larger than average ones (3.4–4.2 people in the indicators).
                int members = Math.Clamp((int)Math.Round(4.1 + 1.7 * rng.Normal()), 1, 12);
                int decile = rng.Chance(0.85) ? 1 : 2;
                var at = PointInside(village, locator, envelope, rng);
                households.Add(new DemoHousehold($"HH-{village.Kode}-{i:000}", village.Kode, name, members, decile, indicator.Year, at.X, at.Y));
            }
        }
        return households;
    }

    private static Coordinate PointInside(DemoVillage village, IndexedPointInAreaLocator locator, Envelope envelope, DemoRandom rng)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Snapped before the test, so the point written is exactly the point tested.
            var c = new Coordinate(
                DemoGeometry.FromGrid(DemoGeometry.ToGrid(rng.Range(envelope.MinX, envelope.MaxX))),
                DemoGeometry.FromGrid(DemoGeometry.ToGrid(rng.Range(envelope.MinY, envelope.MaxY))));
            if (locator.Locate(c) == Location.Interior) return c;
        }
        throw new InvalidOperationException($"No point inside village {village.Kode} after {MaxAttempts} attempts.");
    }
}
