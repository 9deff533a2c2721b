using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DesaGis.Data.Import;
using DesaGis.Data.Security;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Planner;

/// <summary>The real data of ../shared/geodata, imported as a user would (<c>desagis import all --from</c>), once per class.</summary>
public sealed class SharedGeodataDatabase : IAsyncLifetime
{
    public PostgisDatabase Db { get; } = new();

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        if (SharedGeodata.Directory is null) return;
        var importer = new Importer(Db.DataSource);
        foreach (var step in SharedGeodataPlan.Steps(SharedGeodata.Directory)) await importer.ImportAsync(step.Request);
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}

/// <summary>
/// The planner on Lombok Timur (52.03): 254 villages, of which only 11 have an IDM score (all MAJU or MANDIRI), no
/// village-level poverty figure (only the kabupaten's P0, 15.38 %), no partners. A default plan must not choose villages
/// for having data, must say which criteria cover too few villages, and must not call a pilot chosen by default
/// values "100 % stable".
/// </summary>
public class LombokTimurPlannerTests(SharedGeodataDatabase data) : IClassFixture<SharedGeodataDatabase>
{
    /// <summary>The viewer's default criteria (poverty 3, extreme poverty 2, IDM 2, partner gap 1, transmigration 1).</summary>
    private static string DefaultPlan(string idmMissing = "neutral", string povertyMissing = "neutral") => $$"""
        {
          "method": "ranking", "k": 10,
          "criteria": [ { "criterion": "poverty_rate", "weight": 3, "missing": "{{povertyMissing}}" },
                        { "criterion": "extreme_poor", "weight": 2 },
                        { "criterion": "idm_score", "weight": 2, "missing": "{{idmMissing}}" },
                        { "criterion": "partner_gap", "weight": 1 },
                        { "criterion": "transmigration", "weight": 1 } ],
          "area": { "kabupaten": ["52.03"] },
          "robustness": { "draws": 200, "perturbation": 0.2, "seed": 42 }
        }
        """;

    private async Task<JsonElement> RunAsync(string plan, string? acceptLanguage = null)
    {
        await using var server = new DesaGisServer(data.Db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/planner/runs") { Content = new StringContent(plan, Encoding.UTF8, "application/json") };
        if (acceptLanguage is not null) message.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(acceptLanguage));
        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<HashSet<string>> IdmVillagesAsync()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = data.Db.DataSource.CreateCommand(
            "SELECT DISTINCT area_kode FROM desagis.indicator_value WHERE indicator_code = 'idm_score' AND level = 'desa' AND area_kode LIKE '52.03.%'");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return codes;
    }

    [GeodataFact]
    public async Task With_zero_the_pilots_are_the_villages_with_data_and_the_result_says_so_and_doubts_them()
    {
        var idm = await IdmVillagesAsync();
        var body = await RunAsync(DefaultPlan(idmMissing: "zero", povertyMissing: "zero"), "en");

        var selected = body.GetProperty("selected").EnumerateArray().ToList();
        Assert.All(selected, s => Assert.Contains(s.GetProperty("kode").GetString()!, idm));
        var warning = Assert.Single(Warnings(body), w => w.GetProperty("code").GetString() == "pilots-follow-data");
        Assert.Equal("idm_score", warning.GetProperty("criterion").GetString());
        Assert.Contains("10 of the 10 pilots are among the 11 villages with a value for idm_score", warning.GetProperty("message").GetString());
        // The 243 zeros are unknowns too: drawn from the measured scores, they take most pilots' places in some draws.
        Assert.True(selected.Average(s => s.GetProperty("stability").GetDouble()) < 0.5);
    }

    private static IEnumerable<JsonElement> Warnings(JsonElement body) => body.GetProperty("warnings").EnumerateArray();

    [GeodataFact]
    public async Task A_default_plan_does_not_choose_villages_for_having_data_and_says_which_criteria_cover_too_few()
    {
        var idm = await IdmVillagesAsync();
        Assert.Equal(11, idm.Count);
        var body = await RunAsync(DefaultPlan());

        Assert.Equal(254, body.GetProperty("summary").GetProperty("candidates").GetInt32());
        var selected = body.GetProperty("selected").EnumerateArray().ToList();
        Assert.Equal(10, selected.Count);
        // By chance 10 pilots out of 254 villages hold 11 × 10 / 254 ≈ 0.4 IDM villages; three or more would happen by
        // chance less than 1 % of the time.
        Assert.True(selected.Count(s => idm.Contains(s.GetProperty("kode").GetString()!)) <= 2,
            "the 11 villages with an IDM score are favoured: " + string.Join(", ", selected.Select(s => s.GetProperty("kode").GetString())));

        var coverage = body.GetProperty("coverage").EnumerateArray().ToDictionary(c => c.GetProperty("criterion").GetString()!);
        Assert.Equal((11, 0, 243), (coverage["idm_score"].GetProperty("measured").GetInt32(), coverage["idm_score"].GetProperty("inherited").GetInt32(), coverage["idm_score"].GetProperty("none").GetInt32()));
        Assert.False(coverage["idm_score"].GetProperty("used").GetBoolean());
        Assert.Equal(0, coverage["poverty_rate"].GetProperty("measured").GetInt32());

        // The warning names IDM, in Bahasa Indonesia by default.
        var idmWarning = Assert.Single(Warnings(body), w => w.GetProperty("code").GetString() == "low-coverage" && w.GetProperty("criterion").GetString() == "idm_score");
        Assert.Contains("IDM", idmWarning.GetProperty("message").GetString());
        Assert.Contains("hanya 11 dari 254 desa kandidat", idmWarning.GetProperty("message").GetString());

        // Pilots whose score rests on values that are not their own are never "100 % stable"; here nothing measured
        // tells the villages apart, so each is chosen about as often as chance would choose it.
        foreach (var s in selected)
        {
            Assert.Contains(s.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("source").GetString() is "imputed" or "inherited");
            Assert.True(s.GetProperty("stability").GetDouble() < 1, $"{s.GetProperty("kode")} is reported fully stable");
        }
        var robustness = body.GetProperty("robustness");
        double byChance = robustness.GetProperty("byChance").GetDouble();
        var shares = robustness.GetProperty("acceptability").EnumerateArray().ToDictionary(a => a.GetProperty("kode").GetString()!, a => a.GetProperty("share").GetDouble());
        double idmMean = idm.Sum(k => shares.GetValueOrDefault(k)) / idm.Count;
        Assert.True(idmMean <= 2 * byChance, $"IDM villages are selected in {idmMean:P1} of draws, chance is {byChance:P1}");
    }

    [GeodataFact]
    public async Task With_exclude_only_the_villages_with_an_IDM_score_are_candidates_and_the_result_says_how_few()
    {
        var idm = await IdmVillagesAsync();
        var body = await RunAsync(DefaultPlan(idmMissing: "exclude"), "en-GB");

        Assert.Equal(11, body.GetProperty("summary").GetProperty("eligible").GetInt32());
        var selected = body.GetProperty("selected").EnumerateArray().ToList();
        Assert.Equal(10, selected.Count);
        Assert.All(selected, s => Assert.Contains(s.GetProperty("kode").GetString()!, idm));
        var warning = Assert.Single(Warnings(body), w => w.GetProperty("code").GetString() == "low-coverage" && w.GetProperty("criterion").GetString() == "idm_score");
        Assert.Contains("only 11 of 254 candidate villages", warning.GetProperty("message").GetString());
        Assert.Contains("only those 11 villages can be pilots", warning.GetProperty("message").GetString());
    }

    [GeodataFact]
    public async Task With_parent_every_village_inherits_the_kabupaten_poverty_rate_which_decides_nothing()
    {
        var idm = await IdmVillagesAsync();
        var body = await RunAsync(DefaultPlan(povertyMissing: "parent"), "en");

        var selected = body.GetProperty("selected").EnumerateArray().ToList();
        Assert.True(selected.Count(s => idm.Contains(s.GetProperty("kode").GetString()!)) <= 2);
        foreach (var s in selected)
        {
            var poverty = s.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "poverty_rate");
            Assert.Equal("inherited", poverty.GetProperty("source").GetString());
            Assert.Equal("kabupaten", poverty.GetProperty("fromLevel").GetString());
            Assert.Equal(15.38, poverty.GetProperty("value").GetDouble(), 6);
            Assert.True(s.GetProperty("stability").GetDouble() < 1);
        }
        var warning = Assert.Single(Warnings(body), w => w.GetProperty("code").GetString() == "no-information" && w.GetProperty("criterion").GetString() == "poverty_rate");
        Assert.Contains("has the same value (15.38) for 254 of 254 candidate villages: it decides nothing", warning.GetProperty("message").GetString());
        // Everything ties: the list says the tie-break chose, not the data.
        Assert.Contains(Warnings(body), w => w.GetProperty("code").GetString() == "tie-break");
        Assert.All(selected, s => Assert.Equal(253, s.GetProperty("tiedWith").GetInt32()));
    }
}
