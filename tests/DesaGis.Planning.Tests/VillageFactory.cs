using DesaGis.Planning;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Villages;

namespace DesaGis.Planning.Tests;

/// <summary>Villages and plans for tests: hand-placed ones and seeded random ones.</summary>
internal static class VillageFactory
{
    // Near Marabahan; at this latitude 0.009° of latitude is about 1 km.
    public const double BaseLon = 114.6, BaseLat = -3.0;
    public const double KmPerDegLat = 111.19;

    /// <summary>A village <paramref name="eastKm"/>/<paramref name="northKm"/> from the base point.</summary>
    public static PlannerVillage At(string kode, double eastKm, double northKm, double? poverty = null, string? kecamatan = null) =>
        new(kode, "Desa " + kode[^4..], kecamatan ?? kode[..8], kode[..5],
            BaseLon + eastKm / (KmPerDegLat * Math.Cos(BaseLat * Math.PI / 180)), BaseLat + northKm / KmPerDegLat)
        {
            PovertyRate = poverty,
        };

    public static string Code(int kecamatan, int village) => $"63.04.{kecamatan:00}.{2000 + village:0000}";

    /// <summary>Seeded random villages in a square of <paramref name="sizeKm"/>, in clusters, with every indicator.</summary>
    public static List<PlannerVillage> Random(int seed, int count, double sizeKm = 60, int kecamatanCount = 6)
    {
        var rng = new Random(seed);
        var centres = Enumerable.Range(0, Math.Max(1, count / 25)).Select(_ => (rng.NextDouble() * sizeKm, rng.NextDouble() * sizeKm)).ToArray();
        var list = new List<PlannerVillage>();
        for (int i = 0; i < count; i++)
        {
            var (cx, cy) = centres[rng.Next(centres.Length)];
            double x = Math.Clamp(cx + Normal(rng) * sizeKm / 10, 0, sizeKm), y = Math.Clamp(cy + Normal(rng) * sizeKm / 10, 0, sizeKm);
            int kec = 1 + (int)(x / sizeKm * (kecamatanCount - 1e-9));
            var v = At(Code(kec, i), x, y, poverty: Math.Round(rng.NextDouble() * 40, 2)) with
            {
                Population = 300 + rng.Next(8000),
                ExtremePoor = rng.Next(0, 400),
                IdmScore = Math.Round(0.4 + rng.NextDouble() * 0.5, 4),
                IdmStatus = IdmStatuses.Ordered[rng.Next(5)],
                PartnerCount = rng.Next(0, 4),
                ProgramCount = rng.Next(0, 6),
                InTransmigrationArea = rng.NextDouble() < 0.1,
                DistanceToTransmigrationKm = Math.Round(rng.NextDouble() * 30, 2),
                DistanceToSeatKm = Math.Round(Math.Sqrt(x * x + y * y), 3),
            };
            list.Add(v);
        }
        return list;
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static CriterionRequest C(string id, double weight = 1, string? direction = null, string? normalisation = null) =>
        new() { Criterion = id, Weight = weight, Direction = direction, Normalisation = normalisation };

    public static PlanParameters Plan(PlanRequest request) => PlanValidator.Validate(request) with { Language = "en" };
}
