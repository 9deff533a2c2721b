using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Export;

/// <summary>
/// A database and server of their own for one export test class: a small Kabupaten Barito Kuala (63.04) of two
/// kecamatan with six villages each (0.05° squares), a neighbouring kabupaten (63.05) with two villages that must
/// never leak into 63.04's exports, poverty figures in every class, a transmigration area and a programme.
/// </summary>
public sealed class ExportFixture : IAsyncLifetime
{
    public const double West = 114.60, South = -3.10, Cell = 0.05;

    /// <summary>Poverty rates of 63.04's villages in code order (2001…2006 in Marabahan, 2001…2006 in Tabukan); null = no data.</summary>
    public static readonly double?[] PovertyRates = [5, 12, 17, 25, 35, 8, null, 14, 22, 31, 3, 18];

    public static readonly string[] Names =
    [
        "Sungai Ulin", "Tamban Catur", "Karang Bunga", "Jejangkit Muara", "Ulu Benteng", "Pulau Sugara'",
        "Handil Bakti", "Puntik Luar", "Lepasan", "Bahalayung", "Simpang Arja", "Anjir Serapat",
    ];

    public PostgisDatabase Database { get; } = new();
    public DesaGisServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The code of the i-th village of 63.04 (0–11).</summary>
    public static string VillageCode(int i) => $"63.04.0{1 + i / 6}.200{1 + i % 6}";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await SeedAsync();
        Server = new ExportServer(Database);
        Client = await Server.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>The id of the saved scenario: pilots in villages 4 and 9, reaching villages 5 and 10.</summary>
    public long ScenarioId { get; private set; }

    // The planner's scenario tables, as its migration (0020_planner_scenarios.sql) creates them; created here only
    // where that migration is not part of the schema, so the test data has somewhere to go either way.
    private async Task SeedScenarioAsync()
    {
        await Database.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS desagis.planner_scenario (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, author text,
                method text NOT NULL, parameters jsonb NOT NULL, results jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS desagis.planner_scenario_village (
                scenario_id bigint NOT NULL REFERENCES desagis.planner_scenario (id) ON DELETE CASCADE, desa_kode text NOT NULL,
                role text NOT NULL, rank integer, score double precision, stability double precision, pinned boolean NOT NULL DEFAULT false,
                reached integer, pilot_kode text, distance_km double precision, point geometry(Point, 4326),
                PRIMARY KEY (scenario_id, desa_kode));
            """);
        ScenarioId = await Database.ScalarAsync<long>(
            "INSERT INTO desagis.planner_scenario (name, method, parameters, results) VALUES ('Pilot Barito Kuala 2026', 'ranking', '{}', '{}') RETURNING id");
        foreach (var (village, role, pilot) in new[] { (4, "pilot", 4), (9, "pilot", 9), (5, "covered", 4), (10, "covered", 9) })
            await Database.ExecuteAsync("""
                INSERT INTO desagis.planner_scenario_village (scenario_id, desa_kode, role, pilot_kode, point)
                SELECT $1, d.kode, $2, $3, d.centroid FROM desagis.desa d WHERE d.kode = $4
                """, ScenarioId, role, VillageCode(pilot), VillageCode(village));
    }

    private async Task SeedAsync()
    {
        const string box = "ST_Multi(ST_MakeEnvelope($1, $2, $3, $4, 4326))";
        await Database.ExecuteAsync($"INSERT INTO desagis.provinsi (kode, nama, geom) VALUES ('63', 'Kalimantan Selatan', {box})",
            West - 1.0, South - 1.0, West + 1.0, South + 1.0);
        await Database.ExecuteAsync($"INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES ('63.04', 'Kabupaten Barito Kuala', {box})",
            West, South, West + 4 * Cell, South + 3 * Cell);
        await Database.ExecuteAsync($"INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES ('63.05', 'Kabupaten Tapin', {box})",
            West + 4 * Cell, South, West + 6 * Cell, South + 3 * Cell);
        await Database.ExecuteAsync($"INSERT INTO desagis.kecamatan (kode, nama, geom) VALUES ('63.04.01', 'Marabahan', {box})",
            West, South, West + 2 * Cell, South + 3 * Cell);
        await Database.ExecuteAsync($"INSERT INTO desagis.kecamatan (kode, nama, geom) VALUES ('63.04.02', 'Tabukan', {box})",
            West + 2 * Cell, South, West + 4 * Cell, South + 3 * Cell);
        await Database.ExecuteAsync($"INSERT INTO desagis.kecamatan (kode, nama, geom) VALUES ('63.05.01', 'Tapin Utara', {box})",
            West + 4 * Cell, South, West + 6 * Cell, South + 3 * Cell);
        for (int i = 0; i < 12; i++)
        {
            // Marabahan fills the two western columns, Tabukan the two eastern ones, three rows each.
            int kec = i / 6, k = i % 6, col = kec * 2 + k % 2, row = k / 2;
            double x = West + col * Cell, y = South + row * Cell;
            await Database.ExecuteAsync($"INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ($5, $6, 'desa', {box})",
                x, y, x + Cell, y + Cell, VillageCode(i), Names[i]);
            if (PovertyRates[i] is double rate)
                await Database.ExecuteAsync(
                    "INSERT INTO desagis.village_indicator (desa_kode, year, population, poverty_rate, extreme_poor_people, extreme_poor_households, source) VALUES ($1, 2024, $2, $3, $4, $5, 'test')",
                    VillageCode(i), 1000 + i * 100, rate, 10 + i, 3 + i);
        }
        for (int i = 0; i < 2; i++)
        {
            double x = West + (4 + i) * Cell;
            await Database.ExecuteAsync($"INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ($5, $6, 'desa', {box})",
                x, South, x + Cell, South + Cell, $"63.05.01.200{1 + i}", i == 0 ? "Tapin Satu" : "Tapin Dua");
        }
        await Database.ExecuteAsync(
            $"INSERT INTO desagis.transmigration_area (kode, nama, kind, geom) VALUES ('SP-1', 'Kawasan Jejangkit', 'SP', {box})",
            West + 2.2 * Cell, South + 0.2 * Cell, West + 3.6 * Cell, South + 0.9 * Cell);
        await Database.ExecuteAsync("INSERT INTO desagis.partner (kode, nama, kind) VALUES ('P1', 'Yayasan Desa Maju', 'ngo')");
        await Database.ExecuteAsync(
            "INSERT INTO desagis.program (kode, nama, partner_id, sector, start_date) SELECT 'PR1', 'Air bersih', id, 'water', DATE '2024-01-01' FROM desagis.partner WHERE kode = 'P1'");
        await Database.ExecuteAsync(
            "INSERT INTO desagis.program_village (program_id, desa_kode) SELECT id, unnest($1::text[]) FROM desagis.program WHERE kode = 'PR1'",
            (object)new[] { VillageCode(0), VillageCode(1) });
        await Database.ExecuteAsync(
            "INSERT INTO desagis.transmigration_area_village (area_id, desa_kode) SELECT id, $1 FROM desagis.transmigration_area WHERE kode = 'SP-1'",
            VillageCode(8));
        await SeedScenarioAsync();
        await Database.ExecuteAsync("SELECT desagis.refresh_village_summary(NULL)");
        await Database.ExecuteAsync("SELECT desagis.refresh_program_footprint(NULL)");
    }
}
