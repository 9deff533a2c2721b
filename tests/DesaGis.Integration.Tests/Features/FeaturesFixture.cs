using System.Text.Json;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Features;

/// <summary>
/// A database of its own with a small Indonesia — two regencies, eight kecamatan, 1,200 villages on a grid with
/// indicators, programmes and transmigration areas — plus hostile cases: quotes, SQL, spaces and non-ASCII in
/// names, and two villages either side of the antimeridian. The real server runs on it on a Kestrel port.
/// </summary>
public sealed class FeaturesFixture : IAsyncLifetime
{
    public const int GridVillages = 1200;
    public const int AntimeridianVillages = 2;
    public const int Villages = GridVillages + AntimeridianVillages;

    /// <summary>Hostile village names and the codes they are stored under.</summary>
    public static readonly IReadOnlyDictionary<string, string> HostileNames = new Dictionary<string, string>
    {
        ["63.04.01.2001"] = "Desa O'Brien",
        ["63.04.01.2002"] = "Sungai \"Kapuas\" Hulu",
        ["63.04.01.2003"] = "Robert'); DROP TABLE desagis.desa;--",
        ["63.04.01.2004"] = "Ñusa  Öst Bärenstein",
        ["63.04.01.2005"] = "Kampung 100% _Maju_",
        ["63.04.01.2006"] = "Tanjung Harapan",
        ["63.04.01.2007"] = "Tanjung Harapan Baru",
    };

    public PostgisDatabase Database { get; } = new();

    public KestrelDesaGisServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.ExecuteAsync(Seed);
        foreach (var (kode, nama) in HostileNames)
            await Database.ExecuteAsync("UPDATE desagis.desa SET nama = $1 WHERE kode = $2", nama, kode);
        await Database.ExecuteAsync("SELECT desagis.refresh_program_footprint(NULL); SELECT desagis.refresh_village_summary(NULL);");
        Server = new KestrelDesaGisServer(Database);
        await Server.StartAsync();
        Client = Server.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>GETs a URL and parses the JSON body, asserting success.</summary>
    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    /// <summary>Each collection and the SQL that counts what it should serve, for the clients that count it.</summary>
    public static readonly IReadOnlyDictionary<string, string> CountSql = new Dictionary<string, string>
    {
        ["village_indicators"] = "SELECT count(*) FROM desagis.village_indicators",
        ["villages"] = "SELECT count(*) FROM desagis.desa",
        ["kecamatan"] = "SELECT count(*) FROM desagis.kecamatan",
        ["kabupaten"] = "SELECT count(*) FROM desagis.kabupaten",
        ["kabupaten_labels"] = "SELECT count(*) FROM desagis.kabupaten",
        ["kecamatan_labels"] = "SELECT count(*) FROM desagis.kecamatan",
        ["provinsi"] = "SELECT count(*) FROM desagis.provinsi",
        ["transmigration_areas"] = "SELECT count(*) FROM desagis.transmigration_area",
        ["programs"] = "SELECT count(*) FROM desagis.program",
        ["program_coverage"] = "SELECT count(*) FROM desagis.program_village",
        ["indicator_values"] = "SELECT count(*) FROM desagis.indicator_value",
    };

    public Task<long> CountAsync(string sql, params object[] parameters) => Database.ScalarAsync<long>(sql, parameters);

    // Villages are 0.01° squares on a grid: kecamatan k (1–8) holds 150 villages, 15 columns by 10 rows, starting
    // at a corner of its own; regency 63.04 has kecamatan 1–5 (around 114.5E 3.2S), 61.06 has 1–3 (around 112E 0.8N).
    private const string Seed = """
        INSERT INTO desagis.provinsi (kode, nama, geom) VALUES
          ('63', 'Kalimantan Selatan', ST_Multi(ST_MakeEnvelope(114.0, -4.0, 116.0, -2.0, 4326))),
          ('61', 'Kalimantan Barat', ST_Multi(ST_MakeEnvelope(111.0, 0.0, 114.0, 2.0, 4326)));
        INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES
          ('63.04', 'Barito Kuala', ST_Multi(ST_MakeEnvelope(114.4, -3.3, 115.2, -3.1, 4326))),
          ('61.06', 'Kapuas Hulu', ST_Multi(ST_MakeEnvelope(112.0, 0.7, 112.5, 0.9, 4326)));
        INSERT INTO desagis.kecamatan (kode, nama, geom)
        SELECT kab || '.0' || k, 'Kecamatan ' || kab || '-' || k,
               ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 0.15, y0 + 0.1, 4326))
          FROM (SELECT k, CASE WHEN k <= 5 THEN '63.04' ELSE '61.06' END AS kab,
                       CASE WHEN k <= 5 THEN 114.4 + (k - 1) * 0.16 ELSE 112.0 + (k - 6) * 0.16 END AS x0,
                       CASE WHEN k <= 5 THEN -3.3 ELSE 0.75 END AS y0
                  FROM generate_series(1, 8) k) s;
        INSERT INTO desagis.desa (kode, nama, jenis, area_km2, geom)
        SELECT kc.kode || '.' || (2000 + n), 'Desa ' || kc.nama || ' ' || n, 'desa', 1.2 + n / 100.0,
               ST_Multi(ST_MakeEnvelope(ST_XMin(kc.geom) + ((n - 1) % 15) * 0.01, ST_YMin(kc.geom) + ((n - 1) / 15) * 0.01,
                                        ST_XMin(kc.geom) + ((n - 1) % 15) * 0.01 + 0.01, ST_YMin(kc.geom) + ((n - 1) / 15) * 0.01 + 0.01, 4326))
          FROM desagis.kecamatan kc, generate_series(1, 150) n;
        -- Hostile geography: two villages either side of the antimeridian.
        INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES
          ('99.01.01.2001', 'Timur Jauh', 'desa', ST_Multi(ST_MakeEnvelope(179.90, -16.1, 179.99, -16.0, 4326))),
          ('99.01.01.2002', 'Barat Jauh', 'desa', ST_Multi(ST_MakeEnvelope(-179.99, -16.1, -179.90, -16.0, 4326)));
        -- Indicators: every village but each seventh has a poverty rate; IDM statuses cycle.
        INSERT INTO desagis.village_indicator (desa_kode, year, population, poverty_rate, extreme_poor_people, idm_score, idm_status, source)
        SELECT d.kode, 2023, 500 + i, CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 40) + 0.5 END, i % 30,
               0.5 + (i % 5) / 10.0, (ARRAY['MANDIRI','MAJU','BERKEMBANG','TERTINGGAL','SANGAT_TERTINGGAL'])[1 + i % 5], 'fixture'
          FROM (SELECT kode, row_number() OVER (ORDER BY kode) AS i FROM desagis.desa WHERE kode NOT LIKE '99.%') d;
        INSERT INTO desagis.transmigration_area (kode, nama, kind, status, year, geom) VALUES
          ('SKP-1', 'SKP Tabunganen', 'SKP', 'developing', 2015, ST_Multi(ST_MakeEnvelope(114.4, -3.3, 114.45, -3.25, 4326))),
          ('SP-2', 'SP Kapuas ''Hulu'' II', 'SP', 'mature', 1998, ST_Multi(ST_MakeEnvelope(112.0, 0.75, 112.03, 0.78, 4326)));
        INSERT INTO desagis.transmigration_area_village (area_id, desa_kode)
        SELECT t.id, d.kode FROM desagis.transmigration_area t JOIN desagis.desa d ON ST_Within(d.geom, t.geom);
        INSERT INTO desagis.partner (kode, nama, kind) VALUES
          ('P-GOV', 'Kementerian Desa', 'government'), ('P-NGO', 'Yayasan "Desa Maju"', 'ngo');
        INSERT INTO desagis.program (kode, nama, partner_id, sector, start_date, end_date, status)
        SELECT 'PR-1', 'Air bersih', id, 'water', DATE '2022-01-01', DATE '2024-12-31', 'active' FROM desagis.partner WHERE kode = 'P-GOV'
        UNION ALL
        SELECT 'PR-2', 'Sekolah', id, 'education', DATE '2023-06-01', NULL::date, 'active' FROM desagis.partner WHERE kode = 'P-NGO'
        UNION ALL
        SELECT 'PR-3', 'Jalan desa', id, 'roads', DATE '2021-01-01', DATE '2021-12-31', 'completed' FROM desagis.partner WHERE kode = 'P-GOV';
        INSERT INTO desagis.program_village (program_id, desa_kode)
        SELECT p.id, d.kode FROM desagis.program p
          JOIN desagis.desa d ON (p.kode = 'PR-1' AND d.kode LIKE '63.04.01.%' AND right(d.kode, 4)::int <= 2030)
                              OR (p.kode = 'PR-2' AND d.kode LIKE '61.06.07.%' AND right(d.kode, 4)::int <= 2010)
                              OR (p.kode = 'PR-3' AND d.kode LIKE '63.04.02.%' AND right(d.kode, 4)::int <= 2005);
        """;
}
