using BenchmarkDotNet.Attributes;
using DesaGis.Planning;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Villages;

namespace DesaGis.Benchmarks;

/// <summary>
/// The planner on a national-size synthetic dataset (83,000 villages in island-like clusters, seeded): scoring and
/// ranking with six criteria (target &lt; 200 ms) and replication reach with k = 100 and a 10 km radius (target &lt; 2 s).
/// The baseline sorts 83,000 scores, the least any ranking must do.
/// </summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    public const int VillageCount = 83_000;

    private List<PlannerVillage> _villages = null!;
    private PlanParameters _ranking = null!;
    private PlanParameters _reach = null!;
    private double[] _scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        // In code order, as the database returns them.
        _villages = Synthetic(VillageCount, seed: 42).OrderBy(v => v.Kode, StringComparer.Ordinal).ToList();
        CriterionRequest[] six =
        [
            new() { Criterion = "poverty_rate", Weight = 3 },
            new() { Criterion = "extreme_poor", Weight = 2, Normalisation = "rank" },
            new() { Criterion = "idm_score", Weight = 2 },
            new() { Criterion = "partner_gap", Weight = 1 },
            new() { Criterion = "transmigration", Weight = 1 },
            new() { Criterion = "distance_to_seat", Weight = 1 },
        ];
        _ranking = PlanValidator.Validate(new PlanRequest
        {
            K = 100, Criteria = six, Constraints = new() { MaxPerKecamatan = 2 }, Robustness = new() { Draws = 0 }, RunnersUp = 5,
        });
        _reach = PlanValidator.Validate(new PlanRequest
        {
            Method = "reach", K = 100, Criteria = six, Reach = new() { RadiusKm = 10 }, Robustness = new() { Draws = 0 }, RunnersUp = 5,
        });
        var rng = new Random(1);
        _scores = Enumerable.Range(0, VillageCount).Select(_ => rng.NextDouble()).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double SortScores()
    {
        var copy = (double[])_scores.Clone();
        Array.Sort(copy);
        return copy[^1];
    }

    [Benchmark]
    public int RankingSixCriteria() => Planner.Run(_ranking, _villages).Selected.Count;

    [Benchmark]
    public double ReachK100Radius10Km() => Planner.Run(_reach, _villages).Summary.CoveredWeight;

    /// <summary>Seeded villages over Indonesia's extent in clusters: a fifth dense (Java-like), the rest sparse.</summary>
    public static List<PlannerVillage> Synthetic(int count, int seed)
    {
        var rng = new Random(seed);
        var clusters = Enumerable.Range(0, 400).Select(i => (Lon: 95 + rng.NextDouble() * 46, Lat: -11 + rng.NextDouble() * 17, SdKm: i % 5 == 0 ? 12.0 : 30.0)).ToArray();
        string[] statuses = ["SANGAT_TERTINGGAL", "TERTINGGAL", "BERKEMBANG", "MAJU", "MANDIRI"];
        var list = new List<PlannerVillage>(count);
        for (int i = 0; i < count; i++)
        {
            int c = i % clusters.Length;
            var (lon, lat, sd) = clusters[c];
            double g1 = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            double g2 = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            // Unique codes; a cluster is a kabupaten, split into twenty kecamatan.
            int q = i / clusters.Length;
            string kab = $"{11 + c / 40:00}.{c % 40 + 1:00}", kec = $"{kab}.{q % 20 + 1:00}";
            list.Add(new PlannerVillage($"{kec}.{2001 + q / 20:0000}", $"Desa {i}", kec, kab, lon + g1 * sd / 111, lat + g2 * sd / 111)
            {
                Population = 300 + rng.Next(10_000),
                PovertyRate = Math.Round(rng.NextDouble() * 40, 2),
                ExtremePoor = rng.Next(0, 500),
                IdmScore = 0.4 + rng.NextDouble() * 0.5,
                IdmStatus = statuses[rng.Next(5)],
                PartnerCount = rng.Next(0, 4),
                InTransmigrationArea = rng.NextDouble() < 0.05,
                DistanceToTransmigrationKm = rng.NextDouble() * 50,
                DistanceToSeatKm = rng.NextDouble() * 80,
            });
        }
        return list;
    }
}
