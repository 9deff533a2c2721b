using DesaGis.Data.Security;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Planner;

/// <summary>
/// A planning run over the real Barito Kuala (63.04) villages from ../shared/geodata. The regency has no village-level
/// poverty or IDM figures in the shared data, so the kabupaten's P0 stands in for every village (and the explanation
/// says so); the run is a replication-reach plan with one pilot per kecamatan, favouring villages far from the seat.
/// </summary>
public class BaritoKualaPlannerTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [GeodataFact]
    public async Task A_reach_plan_over_Barito_Kuala_returns_one_explained_pilot_per_kecamatan()
    {
        await LoadBaritoKualaAsync();
        await using var server = new DesaGisServer(db);
        var client = await server.CreateReadyClientAsync(Roles.Planner);
        using var response = await client.PostAsync("/planner/runs", new StringContent("""
            {
              "method": "reach", "k": 10,
              "criteria": [ { "criterion": "poverty_rate", "weight": 1, "missing": "parent" },
                            { "criterion": "distance_to_seat", "weight": 2, "direction": "benefit" } ],
              "area": { "kabupaten": ["63.04"] },
              "constraints": { "maxPerKecamatan": 1, "minDistanceKm": 8 },
              "reach": { "radiusKm": 10, "exact": true },
              "robustness": { "draws": 20, "seed": 7 },
              "runnersUp": 5
            }
            """, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;

        var summary = body.GetProperty("summary");
        Assert.Equal(201, summary.GetProperty("candidates").GetInt32());
        var selected = body.GetProperty("selected").EnumerateArray().ToList();
        Assert.Equal(10, selected.Count);
        // One pilot per kecamatan, all inside Barito Kuala, none closer than 8 km to another.
        Assert.Equal(10, selected.Select(s => s.GetProperty("kecamatanKode").GetString()).Distinct().Count());
        Assert.All(selected, s => Assert.StartsWith("63.04.", s.GetProperty("kode").GetString()));
        // Ten pilots with a 10 km reach cover most of a 2,400 km² regency.
        Assert.InRange(summary.GetProperty("coverageShare").GetDouble(), 0.6, 1.0);
        var gains = selected.Select(s => s.GetProperty("marginalGain").GetDouble()).ToList();
        Assert.Equal(summary.GetProperty("coveredWeight").GetDouble(), gains.Sum(), 6);
        foreach (var s in selected)
        {
            var contributions = s.GetProperty("contributions").EnumerateArray().ToList();
            Assert.Equal(s.GetProperty("score").GetDouble(), contributions.Sum(c => c.GetProperty("contribution").GetDouble()), 9);
            var poverty = contributions.Single(c => c.GetProperty("criterion").GetString() == "poverty_rate");
            Assert.Equal(5.11, poverty.GetProperty("value").GetDouble(), 6);
            Assert.Equal("inherited", poverty.GetProperty("source").GetString());
            Assert.Equal("kabupaten", poverty.GetProperty("fromLevel").GetString());
            Assert.Equal("kabupaten value", poverty.GetProperty("note").GetString());
            Assert.InRange(s.GetProperty("stability").GetDouble(), 0, 1);
            Assert.True(s.GetProperty("reached").GetInt32() >= 1);
        }
        var runnersUp = body.GetProperty("runnersUp").EnumerateArray().ToList();
        Assert.Equal(5, runnersUp.Count);
        Assert.All(runnersUp, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("detail").GetString())));
        var exact = body.GetProperty("exact");
        Assert.InRange(exact.GetProperty("gapPercent").GetDouble(), 0, 5);
    }

    private async Task LoadBaritoKualaAsync()
    {
        await db.ExecuteAsync("INSERT INTO desagis.provinsi (kode, nama) VALUES ('63', 'Kalimantan Selatan')");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(SharedGeodata.File("cahyadsn_wilayah_boundaries/desa_6304_barito_kuala.geojson")));
        var kecamatan = new Dictionary<string, string>();
        string? kabupatenNama = null;
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            kecamatan[p.GetProperty("kode_kec").GetString()!] = p.GetProperty("nama_kec").GetString()!;
            kabupatenNama = p.GetProperty("nama_kab").GetString();
        }
        await db.ExecuteAsync("INSERT INTO desagis.kabupaten (kode, nama) VALUES ('63.04', $1)", kabupatenNama!);
        foreach (var (kode, nama) in kecamatan) await db.ExecuteAsync("INSERT INTO desagis.kecamatan (kode, nama) VALUES ($1, $2)", kode, nama);
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            await db.ExecuteAsync(
                """
                INSERT INTO desagis.desa (kode, nama, jenis, geom)
                VALUES ($1, $2, $3, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)), 3)))
                """,
                p.GetProperty("kode").GetString()!, p.GetProperty("nama").GetString()!, p.GetProperty("tingkat").GetString()!,
                f.GetProperty("geometry").GetRawText());
        }

        // The kabupaten poverty rate (P0) and population from the shared tables.
        var poverty = File.ReadLines(SharedGeodata.File("abesttar_kemiskinan_kabkota/kemiskinan_kabkota_52_61_63_dengan_kode.csv"))
            .Select(l => l.Split(',')).Single(c => c[0] == "63.04");
        var population = File.ReadLines(SharedGeodata.File("cahyadsn_wilayah/penduduk_luas_prov_kabkota.csv"))
            .Select(l => l.Split(',')).Single(c => c[0] == "63.04");
        await db.ExecuteAsync(
            "INSERT INTO desagis.kabupaten_indicator (kabupaten_kode, year, population, poverty_rate, source) VALUES ('63.04', 2023, $1, $2, 'shared geodata')",
            long.Parse(population[6], CultureInfo.InvariantCulture), double.Parse(poverty[5], CultureInfo.InvariantCulture));
        await db.ExecuteAsync("SELECT desagis.refresh_village_summary(NULL)");
    }
}
