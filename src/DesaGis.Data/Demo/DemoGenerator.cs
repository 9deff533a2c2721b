using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>
/// Generates the synthetic demo dataset. Pure: no files, no database, no clock; the same options give the same
/// values. Provinces are generated one at a time, each from its own random stream, so memory stays bounded at
/// national scale and the work is near-linear in the number of villages.
/// </summary>
public static class DemoGenerator
{
    /// <summary>Villages per synthetic province at national scale (Indonesia averages about 2,200); with the cell size below a province stays within about 1.4° of its centre.</summary>
    private const int VillagesPerProvince = 3000;
    private const double VillagesPerKabupaten = 150;
    private const double VillagesPerKecamatan = 13;

    public static DemoDataset Generate(DemoOptions options)
    {
        options.Validate();
        int provinces = Math.Min(DemoCatalogue.Anchors.Length, (int)Math.Ceiling(options.Villages / (double)VillagesPerProvince));
        var partners = MakePartners(options);
        return new DemoDataset(options, partners, Regions(options, provinces, partners));
    }

    private static IEnumerable<DemoRegion> Regions(DemoOptions options, int provinces, IReadOnlyList<DemoPartner> partners)
    {
        int per = options.Villages / provinces, extra = options.Villages % provinces;
        // Two provinces are made at a time (this machine class has two cores); AsOrdered keeps the output order fixed.
        return Enumerable.Range(0, provinces)
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, Math.Min(2, Environment.ProcessorCount)))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(p => GenerateRegion(options, p, per + (p < extra ? 1 : 0), partners));
    }

    private static List<DemoPartner> MakePartners(DemoOptions options)
    {
        var rng = DemoRandom.Derive(options.Seed, "partners");
        int count = 5 + options.Villages / 8000;
        var taken = new HashSet<string>();
        var partners = new List<DemoPartner>(count);
        for (int i = 0; i < count; i++)
        {
            // The first four cover every kind; later ones repeat kinds.
            var kind = i < 4 ? DemoCatalogue.PartnerKinds[i] : rng.Pick(DemoCatalogue.PartnerKinds);
            var name = DemoNames.Unique(taken, () =>
            {
                var n = rng.Pick(DemoCatalogue.PartnerNames[kind]);
                return kind == "government" ? $"{n} Contoh {DemoNames.Root(rng)} (sintetis)" : $"{n} (sintetis)";
            });
            partners.Add(new DemoPartner($"MTR-{i + 1:000}", name, kind));
        }
        return partners;
    }

    private static DemoRegion GenerateRegion(DemoOptions options, int index, int villages, IReadOnlyList<DemoPartner> partners)
    {
        var rng = DemoRandom.Derive(options.Seed, "region", index);
        string prov = DemoCatalogue.ProvinceCodes[index];
        double cellSize = options.Villages <= 2000 ? 0.06 : 0.035 * Math.Min(1, Math.Sqrt(VillagesPerProvince / (double)villages));
        var (ax, ay) = DemoCatalogue.Anchors[index];
        double cx = ax + rng.Range(-0.1, 0.1), cy = ay + rng.Range(-0.1, 0.1);
        // A lone province may have a ragged outline; at national scale outlines stay rounder so neighbours never meet.
        double irregularity = options.Villages <= VillagesPerProvince ? 0.22 : 0.12;
        var cells = DemoTessellation.Build(cx, cy, villages, cellSize, irregularity, rng, options.Seed * 1009L + index);
        int n = cells.Length;

        // Kabupaten, then kecamatan within each, as contiguous groups of cells.
        int kabCount = Math.Clamp((int)Math.Round(n / VillagesPerKabupaten), 1, 60);
        var kabGroups = DemoPartition.Grow(Enumerable.Range(0, n).ToList(), cells, kabCount, rng);
        // Number kabupaten from north-west to south-east, as a reader of the map would.
        kabGroups.Sort((a, b) =>
        {
            var sa = cells[a[0]].Site;
            var sb = cells[b[0]].Site;
            return (sb.Y - sb.X * 0.5).CompareTo(sa.Y - sa.X * 0.5);
        });
        var kecGroupsByKab = new List<List<List<int>>>(kabGroups.Count);
        var isKelurahan = new bool[n];
        var capitalOf = new int[n];
        foreach (var kab in kabGroups)
        {
            int kecCount = Math.Clamp((int)Math.Round(kab.Count / VillagesPerKecamatan), 1, 99);
            var kecGroups = DemoPartition.Grow(kab, cells, kecCount, rng);
            // The kecamatan holding the kabupaten's first cell is its capital (ibu kota): first in number, with kelurahan.
            int capitalIdx = kecGroups.FindIndex(g => g.Contains(kab[0]));
            var capital = kecGroups[capitalIdx];
            kecGroups.RemoveAt(capitalIdx);
            var capitalSite = cells[capital[0]].Site;
            kecGroups.Sort((a, b) => cells[a[0]].Site.Distance(capitalSite).CompareTo(cells[b[0]].Site.Distance(capitalSite)));
            kecGroups.Insert(0, capital);
            int kelurahan = Math.Min(capital.Count / 2, rng.Between(3, 5));
            var byCentre = capital.OrderBy(c => cells[c].Site.Distance(capitalSite)).ThenBy(c => c).ToList();
            for (int i = 0; i < kelurahan; i++) isKelurahan[byCentre[i]] = true;
            foreach (int c in kab) capitalOf[c] = kab[0];
            kecGroupsByKab.Add(kecGroups);
        }

        var z = PovertyField(cells, isKelurahan, capitalOf, rng, cellSize);
        var areas = ChooseTransmigrationAreas(cells, isKelurahan, z, rng, Math.Max(3, (int)Math.Round(n / 400.0)));
        var inArea = new bool[n];
        foreach (var area in areas) foreach (int c in area) inArea[c] = true;

        // Codes and names.
        var villageKode = new string[n];
        var villagesOut = new List<DemoVillage>(n);
        var kecOut = new List<DemoKecamatan>();
        var kabOut = new List<DemoKabupaten>();
        var kabNames = new HashSet<string>();
        for (int k = 0; k < kabGroups.Count; k++)
        {
            string kabKode = $"{prov}.{k + 1:00}";
            var kecNames = new HashSet<string>();
            var kecGeoms = new List<Geometry>();
            for (int j = 0; j < kecGroupsByKab[k].Count; j++)
            {
                string kecKode = $"{kabKode}.{j + 1:00}";
                var names = new HashSet<string>();
                int nextDesa = 2001, nextKel = 1001;
                var members = kecGroupsByKab[k][j];
                var polys = new Geometry[members.Count];
                for (int v = 0; v < members.Count; v++)
                {
                    int c = members[v];
                    bool kel = isKelurahan[c];
                    villageKode[c] = $"{kecKode}.{(kel ? nextKel++ : nextDesa++)}";
                    var nama = DemoNames.Unique(names, () => DemoNames.Village(rng, inArea[c] ? 1 : 0));
                    var geom = DemoGeometry.ToMultiPolygon(cells[c].Polygon);
                    villagesOut.Add(new DemoVillage(villageKode[c], nama, kel ? "kelurahan" : "desa", Round(DemoGeometry.AreaKm2(geom), 3), geom));
                    polys[v] = cells[c].Polygon;
                }
                var kecGeom = DemoGeometry.ToMultiPolygon(CoverageUnion.Union(polys));
                kecOut.Add(new DemoKecamatan(kecKode, DemoNames.Unique(kecNames, () => DemoNames.Kecamatan(rng)),
                    Round(DemoGeometry.AreaKm2(kecGeom), 3), kecGeom));
                kecGeoms.Add(kecGeom);
            }
            var kabGeom = DemoGeometry.ToMultiPolygon(CoverageUnion.Union(kecGeoms.ToArray()));
            kabOut.Add(new DemoKabupaten(kabKode, $"Kabupaten {DemoNames.Unique(kabNames, () => DemoNames.Kabupaten(rng))} (sintetis)",
                "kabupaten", Round(DemoGeometry.AreaKm2(kabGeom), 3), kabGeom));
        }
        var provGeom = DemoGeometry.ToMultiPolygon(CoverageUnion.Union(kabOut.Select(g => (Geometry)g.Geometry).ToArray()));
        string provName = index == 0 ? "Provinsi Contoh (sintetis)" : $"Provinsi Contoh {DemoNames.Root(rng)} (sintetis)";
        var province = new DemoProvince(prov, provName, Round(DemoGeometry.AreaKm2(provGeom), 3), provGeom);

        var (indicators, kabIndicators) = MakeIndicators(cells, villageKode, isKelurahan, z, kabGroups, prov, kabOut, rng);
        var transmigration = areas.Select((cellsOfArea, i) => MakeArea(prov, i, cellsOfArea, cells, villageKode, rng)).ToList();
        var programs = MakePrograms(prov, index, cells, villageKode, z, partners, rng, Math.Max(8, (int)Math.Round(n / 500.0)));

        villagesOut.Sort((a, b) => string.CompareOrdinal(a.Kode, b.Kode));
        int latestYear = DemoCatalogue.Years[^1];
        var latest = indicators.Where(r => r.Year == latestYear).ToDictionary(r => r.DesaKode, StringComparer.Ordinal);
        var households = DemoHouseholds.Generate(options.Seed, DemoHouseholds.CapFor(options.Villages), villagesOut, latest);
        return new DemoRegion(province, kabOut, kecOut, villagesOut, indicators, kabIndicators, transmigration, programs, households);
    }

    /// <summary>
    /// A smooth "hardship" field in [0, 1]: random bumps (poorer and richer pockets) plus distance from the kabupaten
    /// capital, so poverty and a low IDM cluster in space as they do in real data.
    /// </summary>
    private static double[] PovertyField(DemoCell[] cells, bool[] isKelurahan, int[] capitalOf, DemoRandom rng, double cellSize)
    {
        int n = cells.Length;
        double radius = Math.Sqrt(n / Math.PI) * cellSize;
        int bumps = 3 + n / 250;
        var centres = new (Coordinate At, double R, double A)[bumps];
        for (int b = 0; b < bumps; b++)
            centres[b] = (cells[rng.Next(n)].Site, radius * rng.Range(0.12, 0.4), rng.Chance(0.6) ? rng.Range(0.2, 0.5) : -rng.Range(0.15, 0.35));
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            var s = cells[i].Site;
            double v = 0.3;
            foreach (var (at, r, a) in centres)
            {
                double d = s.Distance(at) / r;
                v += a * Math.Exp(-d * d);
            }
            v += 0.25 * Math.Min(1, s.Distance(cells[capitalOf[i]].Site) / (radius * 0.6));
            if (isKelurahan[i]) v -= 0.3;
            z[i] = Math.Clamp(v + 0.07 * rng.Normal(), 0, 1);
        }
        return z;
    }

    private static (List<DemoVillageIndicator>, List<DemoKabupatenIndicator>) MakeIndicators(
        DemoCell[] cells, string[] villageKode, bool[] isKelurahan, double[] z, List<List<int>> kabGroups, string prov,
        List<DemoKabupaten> kabupaten, DemoRandom rng)
    {
        int n = cells.Length;
        var perYear = new DemoVillageIndicator[DemoCatalogue.Years.Length][];
        for (int y = 0; y < perYear.Length; y++) perYear[y] = new DemoVillageIndicator[n];
        for (int i = 0; i < n; i++)
        {
            double population = Math.Exp(Math.Log(2300) + 0.55 * rng.Normal()) * (isKelurahan[i] ? 2.2 : 1);
            double poverty = 3 + 42 * Math.Pow(z[i], 1.5) + 1.5 * rng.Normal();
            double extremeShare = 0.1 + 0.25 * z[i] + 0.04 * rng.NextDouble();
            double householdSize = 3.4 + 0.8 * rng.NextDouble();
            double idm = 0.905 - 0.43 * z[i] + 0.02 * rng.Normal();
            for (int y = 0; y < perYear.Length; y++)
            {
                if (y > 0)
                {
                    // A year of modest progress: a little more people, a little less poverty, a slightly higher IDM.
                    population *= 1.004 + 0.016 * rng.NextDouble();
                    poverty *= 0.9 + 0.08 * rng.NextDouble();
                    extremeShare *= 0.95 + 0.05 * rng.NextDouble();
                    idm += 0.003 + 0.02 * rng.NextDouble();
                }
                int pop = (int)Math.Round(Math.Clamp(population, 500, 15000));
                double rate = Round(Math.Clamp(poverty, 3, 45), 2);
                int extreme = (int)Math.Round(pop * rate / 100 * extremeShare);
                int households = extreme == 0 ? 0 : Math.Max(1, (int)Math.Round(extreme / householdSize));
                double score = Round(Math.Clamp(idm, 0.45, 0.9), 4);
                perYear[y][i] = new DemoVillageIndicator(villageKode[i], DemoCatalogue.Years[y], pop, rate, extreme, households,
                    score, IdmThresholds.StatusOf(score));
            }
        }

        var villageRows = perYear.SelectMany(r => r).OrderBy(r => r.DesaKode, StringComparer.Ordinal).ThenBy(r => r.Year).ToList();
        var kabRows = new List<DemoKabupatenIndicator>();
        for (int k = 0; k < kabGroups.Count; k++)
        {
            for (int y = 0; y < perYear.Length; y++)
            {
                long pop = 0, extreme = 0, households = 0;
                double poor = 0;
                foreach (int c in kabGroups[k])
                {
                    var r = perYear[y][c];
                    pop += r.Population;
                    poor += r.Population * r.PovertyRate / 100;
                    extreme += r.ExtremePoorPeople;
                    households += r.ExtremePoorHouseholds;
                }
                kabRows.Add(new DemoKabupatenIndicator($"{prov}.{k + 1:00}", DemoCatalogue.Years[y], pop, Round(100 * poor / pop, 2),
                    (int)extreme, (int)households, kabupaten[k].AreaKm2));
            }
        }
        return (villageRows, kabRows);
    }

    /// <summary>Picks clusters of 4–9 rural desa, poorer places first, that do not touch each other.</summary>
    private static List<List<int>> ChooseTransmigrationAreas(DemoCell[] cells, bool[] isKelurahan, double[] z, DemoRandom rng, int count)
    {
        int n = cells.Length;
        var taken = new bool[n];
        var order = Enumerable.Range(0, n).Select(i => (i, key: z[i] + 0.6 * rng.NextDouble())).OrderByDescending(t => t.key).ThenBy(t => t.i).Select(t => t.i).ToList();
        var areas = new List<List<int>>();
        foreach (int seed in order)
        {
            if (areas.Count == count) break;
            if (isKelurahan[seed] || taken[seed] || cells[seed].Neighbours.Any(m => taken[m])) continue;
            int size = rng.Between(4, 9);
            var area = new List<int> { seed };
            var seen = new HashSet<int> { seed };
            var queue = new PriorityQueue<int, (double, int)>();
            foreach (int m in cells[seed].Neighbours) if (seen.Add(m)) queue.Enqueue(m, (rng.NextDouble(), m));
            while (area.Count < size && queue.Count > 0)
            {
                int c = queue.Dequeue();
                // Keep areas apart by a village, so that each area's villages belong to it alone.
                if (isKelurahan[c] || taken[c] || cells[c].Neighbours.Any(m => taken[m])) continue;
                area.Add(c);
                foreach (int m in cells[c].Neighbours) if (seen.Add(m)) queue.Enqueue(m, (rng.NextDouble(), m));
            }
            if (area.Count < 3) continue;
            foreach (int c in area) taken[c] = true;
            areas.Add(area);
        }
        return areas;
    }

    private static DemoTransmigrationArea MakeArea(string prov, int i, List<int> members, DemoCell[] cells, string[] villageKode, DemoRandom rng)
    {
        string kind = DemoCatalogue.TransmigrationKinds[i % DemoCatalogue.TransmigrationKinds.Length];
        string root = DemoNames.Root(rng);
        string nama = kind switch
        {
            "SKP" => $"SKP {root}",
            "KPB" => $"KPB {root} Terpadu",
            _ => $"UPT {root} SP {rng.Between(1, 5)}",
        };
        var geom = DemoGeometry.ToMultiPolygon(CoverageUnion.Union(members.Select(c => (Geometry)cells[c].Polygon).ToArray()));
        var kodes = members.Select(c => villageKode[c]).Order(StringComparer.Ordinal).ToList();
        return new DemoTransmigrationArea($"KT-{prov}-{i + 1:000}", nama, kind, rng.Pick(DemoCatalogue.TransmigrationStatuses),
            rng.Between(1982, 2016), geom, kodes);
    }

    /// <summary>
    /// Programmes cover clusters of villages grown by preference towards poorer neighbours. They come in groups of up to
    /// three that start from the same area, so coverage overlaps as it does where partners crowd the same places.
    /// </summary>
    private static List<DemoProgram> MakePrograms(string prov, int regionIndex, DemoCell[] cells, string[] villageKode, double[] z,
        IReadOnlyList<DemoPartner> partners, DemoRandom rng, int count)
    {
        int n = cells.Length;
        var poorest = Enumerable.Range(0, n).OrderByDescending(i => z[i]).ThenBy(i => i).Take(Math.Max(1, n * 3 / 10)).ToList();
        var coverages = new List<List<int>>(count);
        var programs = new List<DemoProgram>(count);
        var names = new HashSet<string>();
        for (int p = 0; p < count; p++)
        {
            bool fresh = p % 3 == 0 && p != count - 1;
            // A group's later programmes start inside its first one's coverage; a last programme alone joins the group before.
            int seed = fresh || p == 0 ? rng.Pick(poorest) : rng.Pick(coverages[p % 3 == 0 ? p - 1 : p - p % 3]);
            int size = rng.Between(10, Math.Max(10, Math.Min(40, n / 4)));
            var covered = new List<int> { seed };
            var seen = new HashSet<int> { seed };
            var queue = new PriorityQueue<int, (double, int)>();
            foreach (int m in cells[seed].Neighbours) if (seen.Add(m)) queue.Enqueue(m, (0.6 * (1 - z[m]) + rng.NextDouble(), m));
            while (covered.Count < size && queue.Count > 0)
            {
                int c = queue.Dequeue();
                covered.Add(c);
                foreach (int m in cells[c].Neighbours) if (seen.Add(m)) queue.Enqueue(m, (0.6 * (1 - z[m]) + rng.NextDouble(), m));
            }
            coverages.Add(covered);

            var partner = partners[(regionIndex * 3 + p) % partners.Count];
            var (sector, titles) = DemoCatalogue.Sectors[rng.Next(DemoCatalogue.Sectors.Length)];
            var nama = DemoNames.Unique(names, () => $"{rng.Pick(titles)} {DemoNames.Root(rng)}");
            var start = new DateOnly(2020, 1, 1).AddMonths(rng.Next(72));
            var end = start.AddMonths(rng.Between(30, 60)).AddDays(-1);
            string status = end < DemoCatalogue.ReferenceDate ? "completed" : start > DemoCatalogue.ReferenceDate ? "planned" : "active";
            if (status == "active" && rng.Chance(0.08)) status = "suspended";
            programs.Add(new DemoProgram($"PRG-{prov}-{p + 1:000}", nama, partner.Kode, sector, start, end, status,
                covered.Select(c => villageKode[c]).Order(StringComparer.Ordinal).ToList()));
        }
        return programs;
    }

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
