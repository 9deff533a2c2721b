using System.Net;
using System.Text.Json;
using DesaGis.Core.Tiles;
using DesaGis.Data.Import;
using DesaGis.Data.Indicators;
using DesaGis.Integration.Tests.Tiles;
using DesaGis.Testing;
using MiniExcelLibs;

namespace DesaGis.Integration.Tests.Indicators;

/// <summary>
/// The indicator catalog against the real server: today's figures as catalog entries, a new indicator imported from
/// a BPS-keyed CSV and from an .xlsx that appears in /indicators, in tiles and in /collections/…/items while the
/// server keeps running, and village figures that say when they are really their kabupaten's.
/// </summary>
public sealed class IndicatorCatalogTests : IAsyncLifetime
{
    private readonly PostgisDatabase _db = new();
    private DesaGisServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await SmallDataset.LoadAsync(_db);
        // BPS numbers the test regency 9971 (as BPS 6108 is Kemendagri 61.06); its villages 9971xxx0yy.
        await _db.ExecuteAsync(
            """
            INSERT INTO desagis.code_crosswalk (level, kode_bps, kode_kemendagri, year)
            SELECT 'kabupaten', '9971', '99.01', 2020
            UNION ALL
            SELECT 'desa', '9971' || CASE WHEN kecamatan_kode = '99.01.01' THEN '010' ELSE '020' END || '0' || right(kode, 2), kode, 2020
              FROM desagis.desa
            """);
        _server = new DesaGisServer(_db);
        _client = await _server.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Entry(JsonElement list, string code) =>
        list.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Todays_figures_are_catalog_entries_with_their_coverage_and_the_official_IDM_breaks()
    {
        var list = await GetJsonAsync("/indicators");
        var codes = list.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(["population", "area_km2", "poverty_rate", "extreme_poor_people", "extreme_poor_households", "idm_score", "idm_status"], codes.Take(7));

        var idm = Entry(list, "idm_score");
        Assert.Equal([0.4907, 0.5989, 0.7072, 0.8155], idm.GetProperty("breaks").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal("higher_better", idm.GetProperty("direction").GetString());
        Assert.Equal("Skor Indeks Desa Membangun", idm.GetProperty("name").GetProperty("id").GetString());

        // SmallDataset holds every figure of its 12 villages for 2023 and 2024, from source 'uji'.
        var poverty = Entry(list, "poverty_rate").GetProperty("coverage").EnumerateArray().ToList();
        Assert.Equal([("desa", 2024, 12, 12), ("desa", 2023, 12, 12)],
            poverty.Select(c => (c.GetProperty("level").GetString(), c.GetProperty("year").GetInt32(), c.GetProperty("areas").GetInt32(), c.GetProperty("total").GetInt32())));
        Assert.Equal(["uji"], poverty[0].GetProperty("sources").EnumerateArray().Select(s => s.GetString()));

        // The village features say where their figures come from, beside the years.
        var village = (await GetJsonAsync("/collections/village_indicators/items/99.01.01.2001")).GetProperty("properties");
        Assert.Equal((2024, "uji", 2024, "uji"), (village.GetProperty("indicator_year").GetInt32(), village.GetProperty("poverty_source").GetString(),
            village.GetProperty("idm_year").GetInt32(), village.GetProperty("idm_source").GetString()));

        // The former table reads the same figures back.
        Assert.Equal(12L, await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_indicator WHERE year = 2024 AND poverty_rate IS NOT NULL"));
        Assert.Equal(12L, await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.indicator_value WHERE indicator_code = 'idm_status' AND year = 2024"));
    }

    [Fact]
    public async Task A_new_indicator_from_a_CSV_keyed_by_BPS_codes_is_listed_drawn_and_served_without_a_restart()
    {
        var dir = Directory.CreateTempSubdirectory("desagis-indicator-");
        try
        {
            var csv = Path.Combine(dir.FullName, "stunting.csv");
            // Four villages by BPS code, one code BPS does not know, one empty cell (no value, never a zero).
            await File.WriteAllTextAsync(csv,
                "kode_bps;nama;prevalensi_stunting;tahun\n" +
                "9971010001;Sungai Raya;24,5;2024\n" +
                "9971010002;Desa O'Brien;31.0;2024\n" +
                "9971020001;Teluk Baru;18.2;2024\n" +
                "9999999999;Tidak ada;12.0;2024\n" +
                "9971020002;Pasir Putih;;2024\n" +
                "9971010003;Karang Dua Spasi;27.75;2024\n");
            var report = await new IndicatorImporter(_db.DataSource).ImportAsync(new IndicatorImportRequest
            {
                Path = csv,
                Indicators = [("stunting_rate", "prevalensi_stunting")],
                Source = "Dinas Kesehatan Kabupaten Uji",
                Create = new IndicatorDraft { NameId = "Prevalensi stunting", NameEn = "Stunting prevalence", Unit = "%", Direction = "higher_worse", MinValue = 0, MaxValue = 100 },
            });
            Assert.Equal(["stunting_rate"], report.Created);
            Assert.Equal((6, 4, 1), (report.RowsRead, report.Inserted, report.Empty));
            var rejected = Assert.Single(report.Rejections);
            Assert.Equal("line 5", rejected.Location);
            Assert.Contains("9999999999", rejected.Reason);

            // The running server lists it, with coverage, at once.
            var entry = Entry(await GetJsonAsync("/indicators"), "stunting_rate");
            Assert.Equal("Prevalensi stunting", entry.GetProperty("name").GetProperty("id").GetString());
            var coverage = Assert.Single(entry.GetProperty("coverage").EnumerateArray());
            Assert.Equal(("desa", 2024, 4, 12), (coverage.GetProperty("level").GetString(), coverage.GetProperty("year").GetInt32(),
                coverage.GetProperty("areas").GetInt32(), coverage.GetProperty("total").GetInt32()));
            Assert.Equal("Dinas Kesehatan Kabupaten Uji", coverage.GetProperty("sources")[0].GetString());

            // Tiles carry it: every village of the tile, the four with their value, the rest marked as without one.
            var tile = TileAt(8, 114.6, -2.55);
            using var response = await _client.GetAsync($"/indicators/stunting_rate/tiles/{tile.Z}/{tile.X}/{tile.Y}.mvt");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType!.MediaType);
            var vt = TileDecoding.Decode(await response.Content.ReadAsByteArrayAsync(), tile);
            var features = Assert.Single(vt.Layers, l => l.Name == "indicator").Features;
            Assert.Equal(12, features.Count);
            var values = features.Where(f => (bool)f.Attributes["has_value"]).ToDictionary(f => (string)f.Attributes["kode"], f => Convert.ToDouble(f.Attributes["value"]));
            Assert.Equal(new Dictionary<string, double> { ["99.01.01.2001"] = 24.5, ["99.01.01.2002"] = 31.0, ["99.01.01.2003"] = 27.75, ["99.01.02.2001"] = 18.2 }, values);
            Assert.All(features.Where(f => !(bool)f.Attributes["has_value"]), f => Assert.False(f.Attributes.Exists("value")));

            // And the features API serves it with year and source.
            var items = await GetJsonAsync("/collections/indicator_values/items?indicator=stunting_rate");
            Assert.Equal(4, items.GetProperty("numberMatched").GetInt32());
            var first = items.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
                .Single(p => p.GetProperty("kode").GetString() == "99.01.01.2001");
            Assert.Equal((24.5, 2024, "Dinas Kesehatan Kabupaten Uji", "desa"),
                (first.GetProperty("value").GetDouble(), first.GetProperty("year").GetInt32(), first.GetProperty("source").GetString(), first.GetProperty("level").GetString()));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_like_a_CSV_and_a_kabupaten_figure_is_inherited_by_its_villages()
    {
        var dir = Directory.CreateTempSubdirectory("desagis-indicator-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "ipm.xlsx");
            MiniExcel.SaveAs(xlsx, new[]
            {
                new Dictionary<string, object?> { ["kode_bps"] = "9971", ["tahun"] = 2022, ["umur_harapan_hidup"] = 67.19, ["sumber"] = "BPS Kabupaten Uji" },
                new Dictionary<string, object?> { ["kode_bps"] = "9971", ["tahun"] = 2023, ["umur_harapan_hidup"] = 67.5, ["sumber"] = "BPS Kabupaten Uji" },
            });
            var report = await new IndicatorImporter(_db.DataSource).ImportAsync(new IndicatorImportRequest
            {
                Path = xlsx,
                Indicators = [("life_expectancy", "umur_harapan_hidup")],
                Create = new IndicatorDraft { NameId = "Umur harapan hidup", NameEn = "Life expectancy", Unit = "tahun", Direction = "higher_better" },
            });
            Assert.Equal((2, 2, 0), (report.RowsRead, report.Inserted, report.Rejected));

            var entry = Entry(await GetJsonAsync("/indicators"), "life_expectancy");
            Assert.Equal(["kabupaten"], entry.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal([2023, 2022], entry.GetProperty("coverage").EnumerateArray().Select(c => c.GetProperty("year").GetInt32()));

            // A village's own figures are its own; the life expectancy is its kabupaten's, and says so.
            var figures = (await GetJsonAsync("/areas/99.01.01.2001/figures")).GetProperty("figures").EnumerateArray().ToList();
            var own = figures.Single(f => f.GetProperty("indicator").GetString() == "poverty_rate");
            Assert.Equal((false, 2024, "uji", "desa"), (own.GetProperty("inherited").GetBoolean(), own.GetProperty("year").GetInt32(),
                own.GetProperty("source").GetString(), own.GetProperty("level").GetString()));
            var inherited = figures.Single(f => f.GetProperty("indicator").GetString() == "life_expectancy");
            Assert.Equal((true, "kabupaten", "99.01", "Kabupaten Uji", 2023, 67.5, "BPS Kabupaten Uji"),
                (inherited.GetProperty("inherited").GetBoolean(), inherited.GetProperty("level").GetString(), inherited.GetProperty("fromKode").GetString(),
                 inherited.GetProperty("fromNama").GetString(), inherited.GetProperty("year").GetInt32(), inherited.GetProperty("value").GetDouble(),
                 inherited.GetProperty("source").GetString()));
            Assert.True(await _db.ScalarAsync<bool>(
                "SELECT inherited FROM desagis.village_indicator_resolved WHERE desa_kode = '99.01.01.2001' AND indicator_code = 'life_expectancy'"));

            // The kabupaten choropleth: its tile carries the latest value, or the value of a chosen year.
            var tile = TileAt(8, 114.6, -2.55);
            var latest = TileDecoding.Decode(await _client.GetByteArrayAsync($"/indicators/life_expectancy/tiles/{tile.Z}/{tile.X}/{tile.Y}.mvt"), tile);
            var kab = Assert.Single(Assert.Single(latest.Layers).Features);
            Assert.Equal(("99.01", 67.5, 2023L), ((string)kab.Attributes["kode"], Convert.ToDouble(kab.Attributes["value"]), Convert.ToInt64(kab.Attributes["year"])));
            var older = TileDecoding.Decode(await _client.GetByteArrayAsync($"/indicators/life_expectancy/tiles/{tile.Z}/{tile.X}/{tile.Y}.mvt?year=2022"), tile);
            Assert.Equal(67.19, Convert.ToDouble(Assert.Single(Assert.Single(older.Layers).Features).Attributes["value"]));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_import_that_fails_leaves_the_catalog_as_it_was()
    {
        var dir = Directory.CreateTempSubdirectory("desagis-indicator-");
        try
        {
            var csv = Path.Combine(dir.FullName, "x.csv");
            await File.WriteAllTextAsync(csv, "kode,nilai\n99.01.01.2001,5\n");
            // No year column and no --year: refused before anything is written, the new entry included.
            var ex = await Assert.ThrowsAsync<ImportException>(() => new IndicatorImporter(_db.DataSource).ImportAsync(new IndicatorImportRequest
            {
                Path = csv,
                Indicators = [("water_access", null)],
                Create = new IndicatorDraft { NameId = "Akses air", Direction = "higher_better" },
            }));
            Assert.Contains("--year", ex.Message);
            Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM desagis.indicator WHERE code = 'water_access'"));

            // An unknown indicator without --create says how to create it.
            var unknown = await Assert.ThrowsAsync<ImportException>(() => new IndicatorImporter(_db.DataSource).ImportAsync(new IndicatorImportRequest
            {
                Path = csv, Year = 2024, Indicators = [("water_access", "nilai")],
            }));
            Assert.Contains("--create", unknown.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_administrator_uploads_an_indicator_table_and_a_viewer_may_not()
    {
        var csv = "kode;tahun;akses_air\n99.01.01.2004;2024;81,5\n99.01.01.2005;2024;abc\n";
        using var admin = await _server.CreateReadyClientAsync("admin");
        using var content = new MultipartFormDataContent { { new StringContent(csv), "file", "air.csv" } };
        using var response = await admin.PostAsync("/admin/indicators/import?indicator=water_access=akses_air&source=Dinas%20PUPR&create=true" +
                                                   "&name=Akses%20air%20minum%20layak&direction=higher_better&unit=%25", content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal((1, 1), (body.GetProperty("inserted").GetInt32(), body.GetProperty("rejected").GetInt32()));
        var rejection = body.GetProperty("rejections")[0];
        Assert.Equal("line 3", rejection.GetProperty("location").GetString());
        Assert.Contains("not a number", rejection.GetProperty("reason").GetString());
        Assert.Equal("Akses air minum layak", Entry(await GetJsonAsync("/indicators"), "water_access").GetProperty("name").GetProperty("id").GetString());

        using var viewer = await _server.CreateReadyClientAsync("viewer");
        using var again = new MultipartFormDataContent { { new StringContent(csv), "file", "air.csv" } };
        using var refused = await viewer.PostAsync("/admin/indicators/import?indicator=water_access=akses_air&source=x", again);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("/indicators/tidak_ada", 404)]
    [InlineData("/indicators/Robert');DROP", 404)]
    [InlineData("/indicators/poverty_rate/stats?level=kota", 400)]
    [InlineData("/indicators/poverty_rate/stats?year=dua", 400)]
    [InlineData("/indicators/poverty_rate/tiles/3/99/1.mvt", 400)]
    [InlineData("/areas/bukan-kode/figures", 400)]
    [InlineData("/areas/12.34.56.7890/figures", 404)]
    public async Task Bad_requests_are_problem_details_in_both_languages(string url, int status)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains(" / ", detail);
    }

    [Fact]
    public async Task Stats_give_the_coverage_range_quantiles_and_sources_a_legend_shows()
    {
        var stats = await GetJsonAsync("/indicators/idm_score/stats?level=desa&year=2024&classes=4");
        Assert.Equal((12, 12, 2024), (stats.GetProperty("areas").GetInt32(), stats.GetProperty("total").GetInt32(), stats.GetProperty("year").GetInt32()));
        var quantiles = stats.GetProperty("quantiles").EnumerateArray().Select(q => q.GetDouble()).ToList();
        Assert.Equal(3, quantiles.Count);
        Assert.True(quantiles.SequenceEqual(quantiles.Order()));
        Assert.InRange(quantiles[0], stats.GetProperty("min").GetDouble(), stats.GetProperty("max").GetDouble());
        Assert.Equal(["uji"], stats.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    private static TileCoord TileAt(int z, double lon, double lat)
    {
        double n = Math.Pow(2, z);
        int x = (int)Math.Floor((lon + 180) / 360 * n);
        double rad = lat * Math.PI / 180;
        int y = (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n);
        return TileCoord.Create(z, x, y);
    }
}
