using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DesaGis.Data.Demo;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Demo;

/// <summary>The households of the checked-in demo data, once loaded into PostGIS and served.</summary>
public class DemoLoadedHouseholdTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private const string Layer = "extreme_poor_households";

    private Task<T> Scalar<T>(string sql, params object[] parameters) => demo.Database.ScalarAsync<T>(sql, parameters);

    [Fact]
    public async Task The_table_holds_the_file_and_counts_follow_the_rule()
    {
        int expected = DemoGenerator.Generate(new DemoOptions(1)).Regions.Sum(r => r.Households.Count);
        Assert.Equal(expected, await Scalar<int>("SELECT count(*) FROM desagis.extreme_poor_household"));
        // Per village: min(extreme_poor_households of 2024, 40), villages without any included.
        Assert.Equal(0, await Scalar<int>(
            """
            SELECT count(*) FROM desagis.village_indicator vi
              LEFT JOIN (SELECT desa_kode, count(*) AS n FROM desagis.extreme_poor_household GROUP BY 1) h ON h.desa_kode = vi.desa_kode
             WHERE vi.year = 2024 AND COALESCE(h.n, 0) <> least(vi.extreme_poor_households, $1)
            """, DemoHouseholds.CapFor(DemoOptions.DefaultVillages)));
        Assert.Equal(0, await Scalar<int>("SELECT count(*) FROM desagis.extreme_poor_household WHERE head_of_household NOT LIKE '% (sintetis)'"));
    }

    [Fact]
    public async Task Every_household_point_lies_inside_its_village()
    {
        Assert.True(await Scalar<int>("SELECT count(*) FROM desagis.extreme_poor_household") > 1000);
        Assert.Equal(0, await Scalar<int>(
            """
            SELECT count(*) FROM desagis.extreme_poor_household h LEFT JOIN desagis.desa d ON d.kode = h.desa_kode
             WHERE d.kode IS NULL OR h.geom IS NULL OR NOT ST_Contains(d.geom, h.geom)
            """));
        Assert.Equal(0, await Scalar<int>(
            """
            SELECT count(*) FROM desagis.extreme_poor_household h
             WHERE (SELECT count(*) FROM desagis.desa d WHERE ST_Intersects(d.geom, h.geom)) <> 1
            """));
    }

    [Fact]
    public async Task A_planner_reads_the_households_and_an_anonymous_caller_gets_404()
    {
        await using var server = new DesaGisServer(demo.Database);
        var planner = await server.CreateReadyClientAsync(Roles.Planner);
        var items = await planner.GetFromJsonAsync<JsonElement>($"/collections/{Layer}/items?f=json&limit=50");
        var features = items.GetProperty("features");
        Assert.Equal(50, features.GetArrayLength());
        Assert.Equal(await Scalar<long>("SELECT count(*) FROM desagis.extreme_poor_household"), items.GetProperty("numberMatched").GetInt64());
        var first = features[0];
        Assert.Equal("Point", first.GetProperty("geometry").GetProperty("type").GetString());
        var props = first.GetProperty("properties");
        Assert.EndsWith("(sintetis)", props.GetProperty("head_of_household").GetString());
        Assert.StartsWith("99.", props.GetProperty("desa_kode").GetString());
        Assert.Equal(2024, props.GetProperty("year").GetInt32());

        // One village's households, by the equality filter a planner would use.
        var village = await planner.GetFromJsonAsync<JsonElement>($"/collections/{Layer}/items?f=json&limit=100&desa_kode=99.01.01.2001");
        Assert.Equal(await Scalar<long>("SELECT count(*) FROM desagis.extreme_poor_household WHERE desa_kode = '99.01.01.2001'"),
            village.GetProperty("features").GetArrayLength());
        Assert.All(village.GetProperty("features").EnumerateArray(),
            f => Assert.Equal("99.01.01.2001", f.GetProperty("properties").GetProperty("desa_kode").GetString()));

        var anonymous = await server.CreateReadyClientAsync();
        foreach (var path in new[] { $"/collections/{Layer}/items", $"/collections/{Layer}/items/{first.GetProperty("id").GetString()}" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("sintetis", await response.Content.ReadAsStringAsync());
        }
    }
}
