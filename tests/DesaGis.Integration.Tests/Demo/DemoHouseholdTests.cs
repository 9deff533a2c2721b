using System.Globalization;
using DesaGis.Data.Demo;

namespace DesaGis.Integration.Tests.Demo;

/// <summary>The synthetic extreme-poor households as generated and written (no database).</summary>
public class DemoHouseholdTests
{
    private const int MaxCap = DemoHouseholds.MaxPerVillage;

    private static List<DemoRegion> Generate(int seed = 1, int villages = DemoOptions.DefaultVillages) =>
        DemoGenerator.Generate(new DemoOptions(seed, villages)).Regions.ToList();

    [Theory]
    [InlineData(1, DemoOptions.DefaultVillages)]
    [InlineData(5, 3500)]
    public void Each_village_gets_its_latest_extreme_poor_households_up_to_the_cap(int seed, int villages)
    {
        var regions = Generate(seed, villages);
        int cap = DemoHouseholds.CapFor(villages);
        var latest = regions.SelectMany(r => r.VillageIndicators).Where(i => i.Year == 2024).ToDictionary(i => i.DesaKode);
        var perVillage = regions.SelectMany(r => r.Households).GroupBy(h => h.DesaKode).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(regions.SelectMany(r => r.Villages), v =>
            Assert.Equal(Math.Min(latest[v.Kode].ExtremePoorHouseholds, cap), perVillage.GetValueOrDefault(v.Kode)));
        // The cap bites in some villages and not in others, so both halves of the rule are exercised.
        Assert.Contains(latest.Values, i => i.ExtremePoorHouseholds > cap);
        Assert.Contains(latest.Values, i => i.ExtremePoorHouseholds is > 0 and < MaxCap);
        Assert.All(regions.SelectMany(r => r.Households), h => Assert.Equal(2024, h.Year));
    }

    [Fact]
    public void The_cap_is_40_per_village_and_shrinks_for_national_runs()
    {
        Assert.Equal(40, DemoHouseholds.CapFor(DemoOptions.DefaultVillages));
        Assert.Equal(40, DemoHouseholds.CapFor(10_000));
        Assert.Equal(4, DemoHouseholds.CapFor(83_000));
        Assert.Equal(2, DemoHouseholds.CapFor(DemoOptions.MaxVillages));
        Assert.True(83_000 * DemoHouseholds.CapFor(83_000) <= DemoHouseholds.DatasetBudget);
    }

    [Fact]
    public void Households_are_inside_their_village_with_unique_codes_and_obviously_synthetic_names()
    {
        var regions = Generate();
        var villages = regions.SelectMany(r => r.Villages).ToDictionary(v => v.Kode);
        var households = regions.SelectMany(r => r.Households).ToList();
        Assert.True(households.Count > 1000);
        Assert.Equal(households.Count, households.Select(h => h.Kode).Distinct().Count());
        Assert.All(households, h =>
        {
            var point = villages[h.DesaKode].Geometry.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(h.Lon, h.Lat));
            Assert.True(villages[h.DesaKode].Geometry.Contains(point), $"{h.Kode} lies outside {h.DesaKode}");
            Assert.Equal(Math.Round(h.Lon, 5), h.Lon);
            Assert.Equal(Math.Round(h.Lat, 5), h.Lat);
            Assert.StartsWith($"HH-{h.DesaKode}-", h.Kode);
            Assert.Matches(@"^(Bapak|Ibu) [A-Z][a-z]+( [A-Z][a-z]+)? \(sintetis\)$", h.HeadOfHousehold);
            Assert.InRange(h.Members, 1, 12);
            Assert.InRange(h.WelfareDecile, 1, 2);
        });
        Assert.Contains(households, h => h.HeadOfHousehold.StartsWith("Ibu ", StringComparison.Ordinal));
        Assert.Contains(households, h => h.HeadOfHousehold.StartsWith("Bapak ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_household_file_and_another_seed_a_different_one()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        using var c = new TempDirectory();
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(5, 200)), a.Path);
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(5, 200)), b.Path);
        var other = await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(6, 200)), c.Path);
        var first = File.ReadAllBytes(a.File(DemoFiles.ExtremePoorHousehold));
        Assert.True(first.Length > 10_000);
        Assert.Equal(first, File.ReadAllBytes(b.File(DemoFiles.ExtremePoorHousehold)));
        Assert.NotEqual(first, File.ReadAllBytes(c.File(DemoFiles.ExtremePoorHousehold)));
        Assert.Equal(other.Households + 4, File.ReadAllLines(c.File(DemoFiles.ExtremePoorHousehold)).Length);
    }

    [Fact]
    public void The_checked_in_file_says_it_is_synthetic_personal_data_and_stays_small()
    {
        var path = Path.Combine(LoadedDemo.Directory, DemoFiles.ExtremePoorHousehold);
        Assert.InRange(new FileInfo(path).Length, 100_000, 1_500_000);
        var lines = File.ReadLines(path).Take(5).ToList();
        Assert.StartsWith("# DATA SINTETIS", lines[0]);
        Assert.Contains("SYNTHETIC PERSONAL DATA", lines[0]);
        Assert.Contains("planner role only", lines[2]);
        Assert.Equal("kode,desa_kode,head_of_household,members,welfare_decile,year,lon,lat", lines[3]);
        var fields = lines[4].Split(',');
        Assert.EndsWith("(sintetis)", fields[2]);
        Assert.InRange(double.Parse(fields[6], CultureInfo.InvariantCulture), 112, 117);
        Assert.Contains("synthetic personal data", File.ReadAllText(Path.Combine(LoadedDemo.Directory, DemoFiles.Readme)));
    }
}
