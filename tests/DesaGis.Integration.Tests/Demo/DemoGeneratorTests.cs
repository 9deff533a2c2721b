using DesaGis.Core.Codes;
using DesaGis.Data.Demo;
using DesaGis.Testing;
using NetTopologySuite.Geometries;

namespace DesaGis.Integration.Tests.Demo;

public class DemoGeneratorTests
{
    private static readonly HashSet<string> RealProvinceCodes =
    [
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51", "52", "53",
        "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96", "97",
    ];

    private static List<DemoRegion> Generate(out IReadOnlyList<DemoPartner> partners, int seed = 1, int villages = DemoOptions.DefaultVillages)
    {
        var dataset = DemoGenerator.Generate(new DemoOptions(seed, villages));
        partners = dataset.Partners;
        return dataset.Regions.ToList();
    }

    [Fact]
    public async Task The_same_seed_gives_byte_identical_files()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(7, 400)), a.Path);
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(7, 400)), b.Path);
        var files = Directory.GetFiles(a.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(DemoFiles.Data.Length + 1, files.Count);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(a.File(file!)).SequenceEqual(File.ReadAllBytes(b.File(file!))), $"{file} differs between two runs with seed 7");
    }

    [Fact]
    public async Task Different_seeds_give_different_data()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(1, 200)), a.Path);
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(2, 200)), b.Path);
        foreach (var file in new[] { DemoFiles.Desa, DemoFiles.VillageIndicator, DemoFiles.Program, DemoFiles.ProgramVillage })
            Assert.NotEqual(File.ReadAllText(a.File(file)), File.ReadAllText(b.File(file)));
    }

    [Fact]
    public async Task The_checked_in_demo_data_is_exactly_what_the_generator_makes_with_seed_1()
    {
        using var fresh = new TempDirectory();
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(1)), fresh.Path);
        var checkedIn = RepositoryPaths.Combine("geodata", "demo");
        foreach (var file in DemoFiles.Data.Append(DemoFiles.Readme))
            Assert.True(File.ReadAllBytes(Path.Combine(checkedIn, file)).SequenceEqual(File.ReadAllBytes(fresh.File(file))),
                $"geodata/demo/{file} is not what 'desagis demo generate --seed 1' writes; regenerate it.");
    }

    [Fact]
    public void The_default_dataset_has_at_least_the_required_regions_areas_and_programmes()
    {
        var regions = Generate(out var partners);
        var villages = regions.SelectMany(r => r.Villages).ToList();
        Assert.True(regions.Sum(r => r.Kabupaten.Count) >= 2);
        Assert.True(regions.Sum(r => r.Kecamatan.Count) >= 10);
        Assert.True(villages.Count >= 300);
        Assert.Contains(villages, v => v.Jenis == "kelurahan");
        Assert.Contains(villages, v => v.Jenis == "desa");
        Assert.True(villages.Count(v => v.Jenis == "kelurahan") < villages.Count / 10, "kelurahan should be a few");

        var areas = regions.SelectMany(r => r.TransmigrationAreas).ToList();
        Assert.True(areas.Count >= 3);
        Assert.Equal(["KPB", "SKP", "UPT"], areas.Select(a => a.Kind).Distinct().Order().ToArray());
        Assert.All(areas, a => Assert.True(a.VillageKodes.Count >= 3, $"{a.Kode} contains only {a.VillageKodes.Count} villages"));

        var programs = regions.SelectMany(r => r.Programs).ToList();
        Assert.True(programs.Count >= 8);
        Assert.True(programs.Select(p => p.PartnerKode).Distinct().Count() >= 4);
        Assert.Equal(["donor", "government", "ngo", "private"], partners.Select(p => p.Kind).Distinct().Order().ToArray());
        Assert.All(programs, p => Assert.True(p.EndDate > p.StartDate));
        Assert.True(programs.Select(p => p.Sector).Distinct().Count() >= 3);
    }

    [Fact]
    public void The_data_is_labelled_synthetic()
    {
        var regions = Generate(out var partners);
        Assert.All(regions, r => Assert.Contains("(sintetis)", r.Province.Nama));
        Assert.Equal("Provinsi Contoh (sintetis)", regions[0].Province.Nama);
        Assert.All(regions.SelectMany(r => r.Kabupaten), k => Assert.EndsWith("(sintetis)", k.Nama));
        Assert.All(partners, p => Assert.EndsWith("(sintetis)", p.Nama));
        Assert.Equal("DesaGis data sintetis (seed 1)", DemoGenerator.Generate(new DemoOptions(1)).Source);
    }

    [Fact]
    public void Codes_form_a_valid_Kemendagri_hierarchy_outside_real_province_codes()
    {
        var regions = Generate(out _, seed: 3, villages: 9000);
        Assert.True(regions.Count >= 2, "9000 villages should make more than one province");
        var provinces = regions.Select(r => r.Province.Kode).ToHashSet();
        var kabupaten = regions.SelectMany(r => r.Kabupaten).Select(k => k.Kode).ToHashSet();
        var kecamatan = regions.SelectMany(r => r.Kecamatan).Select(k => k.Kode).ToHashSet();
        var villages = regions.SelectMany(r => r.Villages).ToList();
        Assert.Empty(provinces.Intersect(RealProvinceCodes));
        Assert.All(kabupaten, k => Assert.Contains(KemendagriCode.Parse(k).Parent!.Dotted, provinces));
        Assert.All(kecamatan, k => Assert.Contains(KemendagriCode.Parse(k).Parent!.Dotted, kabupaten));
        Assert.Equal(villages.Count, villages.Select(v => v.Kode).Distinct().Count());
        Assert.All(villages, v =>
        {
            var code = KemendagriCode.Parse(v.Kode);
            Assert.Equal(AdminLevel.Desa, code.Level);
            Assert.Contains(code.Parent!.Dotted, kecamatan);
            Assert.Equal(v.Jenis == "kelurahan", code.IsKelurahan);
            Assert.Equal(v.Jenis == "kelurahan" ? '1' : '2', v.Kode[9]);
        });
        // Every kecamatan and kabupaten has villages.
        Assert.Equal(kecamatan, villages.Select(v => v.Kode[..8]).ToHashSet());
        Assert.Equal(kabupaten, villages.Select(v => v.Kode[..5]).ToHashSet());
    }

    [Fact]
    public void Indicators_have_a_realistic_spread_and_consistent_values_over_two_years()
    {
        var regions = Generate(out _);
        var rows = regions.SelectMany(r => r.VillageIndicators).ToList();
        var villages = regions.SelectMany(r => r.Villages).ToList();
        Assert.Equal([2023, 2024], rows.Select(r => r.Year).Distinct().Order().ToArray());
        Assert.Equal(villages.Count * 2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.InRange(r.Population, 500, 15000);
            Assert.InRange(r.PovertyRate, 3, 45);
            Assert.InRange(r.IdmScore, 0.45, 0.9);
            Assert.Equal(IdmThresholds.StatusOf(r.IdmScore), r.IdmStatus);
            Assert.True(r.ExtremePoorPeople <= r.Population * r.PovertyRate / 100, $"{r.DesaKode}: more extreme poor than poor");
            Assert.True(r.ExtremePoorHouseholds <= r.ExtremePoorPeople);
        });
        var rates = rows.Where(r => r.Year == 2024).Select(r => r.PovertyRate).ToList();
        Assert.True(StdDev(rates) > 5, "poverty rates should vary between villages");
        Assert.True(rows.Select(r => r.IdmStatus).Distinct().Count() >= 4, "most IDM statuses should occur");
        var populations = rows.Select(r => (double)r.Population).Order().ToList();
        Assert.True(populations[populations.Count / 2] < populations.Average(), "population should be right-skewed (log-normal)");
    }

    [Fact]
    public void Poverty_clusters_in_space()
    {
        var regions = Generate(out _);
        var villages = regions.SelectMany(r => r.Villages).ToList();
        var rate = regions.SelectMany(r => r.VillageIndicators).Where(r => r.Year == 2024).ToDictionary(r => r.DesaKode, r => r.PovertyRate);
        var neighbourDiffs = new List<double>();
        for (int i = 0; i < villages.Count; i++)
            for (int j = i + 1; j < villages.Count; j++)
                if (villages[i].Geometry.EnvelopeInternal.Intersects(villages[j].Geometry.EnvelopeInternal) && villages[i].Geometry.Touches(villages[j].Geometry))
                    neighbourDiffs.Add(Math.Abs(rate[villages[i].Kode] - rate[villages[j].Kode]));
        double allPairs = 0;
        int pairs = 0;
        for (int i = 0; i < villages.Count; i++)
            for (int j = i + 1; j < villages.Count; j++, pairs++)
                allPairs += Math.Abs(rate[villages[i].Kode] - rate[villages[j].Kode]);
        Assert.True(neighbourDiffs.Count > villages.Count, "villages should share boundaries");
        Assert.True(neighbourDiffs.Average() < 0.7 * allPairs / pairs,
            $"neighbours differ by {neighbourDiffs.Average():0.0} points on average, any two villages by {allPairs / pairs:0.0}");
    }

    [Fact]
    public void Every_programme_shares_villages_with_another_and_areas_contain_their_villages()
    {
        var regions = Generate(out _);
        var programs = regions.SelectMany(r => r.Programs).ToList();
        foreach (var p in programs)
            Assert.Contains(programs, q => q != p && q.VillageKodes.Intersect(p.VillageKodes).Any());
        var villages = regions.SelectMany(r => r.Villages).ToDictionary(v => v.Kode);
        foreach (var area in regions.SelectMany(r => r.TransmigrationAreas))
            Assert.All(area.VillageKodes, k => Assert.True(area.Geometry.Covers(villages[k].Geometry), $"{area.Kode} does not cover {k}"));
    }

    [Fact]
    public void Villages_tile_each_kecamatan_with_valid_polygons_on_the_coordinate_grid()
    {
        var regions = Generate(out _);
        var region = regions[0];
        foreach (var kec in region.Kecamatan)
        {
            var members = region.Villages.Where(v => v.Kode.StartsWith(kec.Kode + ".", StringComparison.Ordinal)).ToList();
            Assert.All(members, v => Assert.True(v.Geometry.IsValid, $"{v.Kode} is invalid"));
            double sum = members.Sum(v => v.Geometry.Area);
            Assert.True(Math.Abs(sum - kec.Geometry.Area) < 1e-9 * kec.Geometry.Area + 1e-12, $"{kec.Kode}: villages {sum}, kecamatan {kec.Geometry.Area}");
        }
        Assert.All(region.Villages.SelectMany(v => v.Geometry.Coordinates), c =>
        {
            Assert.Equal(Math.Round(c.X, 5), c.X);
            Assert.Equal(Math.Round(c.Y, 5), c.Y);
        });
    }

    [Fact]
    public void A_national_scale_extent_stays_within_Indonesia()
    {
        var regions = Generate(out _, villages: 30000);
        var envelope = new Envelope();
        foreach (var r in regions) envelope.ExpandToInclude(r.Province.Geometry.EnvelopeInternal);
        Assert.True(envelope.MinX >= 94 && envelope.MaxX <= 142 && envelope.MinY >= -12 && envelope.MaxY <= 7, envelope.ToString());
        Assert.Equal(30000, regions.Sum(r => r.Villages.Count));
        // Provinces are apart from each other (islands of the archipelago), never overlapping.
        for (int i = 0; i < regions.Count; i++)
            for (int j = i + 1; j < regions.Count; j++)
                Assert.False(regions[i].Province.Geometry.Intersects(regions[j].Province.Geometry), $"{regions[i].Province.Kode} meets {regions[j].Province.Kode}");
    }

    [Fact]
    public void Impossible_sizes_are_refused_with_an_explanation()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DemoGenerator.Generate(new DemoOptions(1, 5)));
        Assert.Contains("between", e.Message);
    }

    private static double StdDev(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
