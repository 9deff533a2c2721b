using System.Net;
using System.Text;
using System.Text.Json;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Planner;

/// <summary>Any catalog indicator is a criterion: its direction from the catalog, its latest year unless one is asked for.</summary>
public class CatalogCriteriaTests(PlannerFixture fixture) : IClassFixture<PlannerFixture>
{
    private async Task EnsureStuntingAsync()
    {
        await fixture.Db.ExecuteAsync("""
            INSERT INTO desagis.indicator (code, name_id, name_en, unit, levels, direction)
            VALUES ('stunting_rate', 'Prevalensi stunting', 'Stunting prevalence', '%', '{desa,kabupaten}', 'higher_worse'),
                   ('elevation_m', 'Ketinggian', 'Elevation', 'm', '{desa}', 'neutral')
            ON CONFLICT (code) DO NOTHING
            """);
        // 2023: stunting rises with the village number; 2021: it falls. Two villages have no figure of their own and
        // inherit the kabupaten's.
        await fixture.Db.ExecuteAsync("""
            INSERT INTO desagis.indicator_value (indicator_code, level, area_kode, year, value, source)
            SELECT 'stunting_rate', 'desa', kode, 2023, 10 + right(kode, 2)::int, 'test' FROM desagis.desa
             WHERE kabupaten_kode = '63.98' AND kode NOT IN ('63.98.01.2003', '63.98.02.2010')
            UNION ALL
            SELECT 'stunting_rate', 'desa', kode, 2021, 40 - right(kode, 2)::int, 'test' FROM desagis.desa
             WHERE kabupaten_kode = '63.98' AND kode NOT IN ('63.98.01.2003', '63.98.02.2010')
            UNION ALL SELECT 'stunting_rate', 'kabupaten', '63.98', 2023, 31, 'test'
            ON CONFLICT DO NOTHING
            """);
    }

    private async Task<(HttpStatusCode, JsonElement)> RunAsync(string criteria)
    {
        await EnsureStuntingAsync();
        await using var server = new DesaGisServer(fixture.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        using var response = await client.PostAsync("/planner/runs?lang=en", new StringContent(
            $$"""{ "k": 3, "criteria": [{{criteria}}], "robustness": { "draws": 0 } }""", Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static List<string> Codes(JsonElement body) => body.GetProperty("selected").EnumerateArray().Select(s => s.GetProperty("kode").GetString()!).ToList();

    [Fact]
    public async Task A_catalog_indicator_is_a_criterion_with_the_catalogs_direction_and_its_latest_year()
    {
        var (status, body) = await RunAsync("""{ "criterion": "stunting_rate" }""");
        Assert.Equal(HttpStatusCode.Created, status);
        // higher_worse → the highest stunting first: 2009 (19 %), 2008 (18 %), 2007 (17 %) in 2023.
        Assert.Equal(["63.98.02.2009", "63.98.02.2008", "63.98.02.2007"], Codes(body));
        var c = body.GetProperty("selected")[0].GetProperty("contributions")[0];
        Assert.Equal(("stunting_rate", "measured", 19.0), (c.GetProperty("criterion").GetString(), c.GetProperty("source").GetString(), c.GetProperty("value").GetDouble()));
        var coverage = body.GetProperty("coverage")[0];
        Assert.Equal((8, 0, 2), (coverage.GetProperty("measured").GetInt32(), coverage.GetProperty("inherited").GetInt32(), coverage.GetProperty("none").GetInt32()));
    }

    [Fact]
    public async Task A_year_chooses_the_figures_of_that_year_and_parent_takes_the_kabupatens()
    {
        var (status, body) = await RunAsync("""{ "criterion": "stunting_rate", "year": 2021, "missing": "parent" }""");
        Assert.Equal(HttpStatusCode.Created, status);
        // 2021: 40 − n, so 2001 (39 %), 2002 (38 %), 2004 (36 %); 2003 and 2010 have no 2021 figure and the
        // kabupaten none for 2021 either, so they take the median.
        Assert.Equal(["63.98.01.1001", "63.98.01.1002", "63.98.01.2004"], Codes(body));
        var (_, latest) = await RunAsync("""{ "criterion": "stunting_rate", "missing": "parent" }""");
        // In 2023 the kabupaten's 31 % stands in for 2003 and 2010, flagged as inherited, and puts them first.
        Assert.Equal(["63.98.01.2003", "63.98.02.2010", "63.98.02.2009"], Codes(latest));
        var c = latest.GetProperty("selected")[0].GetProperty("contributions")[0];
        Assert.Equal(("inherited", "kabupaten", 31.0), (c.GetProperty("source").GetString(), c.GetProperty("fromLevel").GetString(), c.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task An_indicator_without_a_direction_needs_one_and_an_unknown_one_lists_the_catalog()
    {
        var (status, body) = await RunAsync("""{ "criterion": "elevation_m" }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'benefit'", body.GetProperty("errors")[0].GetProperty("message").GetString());
        var (status2, body2) = await RunAsync("""{ "criterion": "stunting" }""");
        Assert.Equal(HttpStatusCode.BadRequest, status2);
        Assert.Contains("from the indicator catalog: ", body2.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Contains("stunting_rate", body2.GetProperty("errors")[0].GetProperty("message").GetString());
        var (status3, _) = await RunAsync("""{ "criterion": "elevation_m", "direction": "benefit" }""");
        Assert.Equal(HttpStatusCode.Created, status3);
    }
}
