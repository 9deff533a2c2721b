using System.Globalization;

namespace DesaGis.Testing;

/// <summary>
/// A small, hand-checkable dataset: one province (99), one kabupaten (99.01), two kecamatan of six villages each on
/// a 0.05° grid near 114.5°E 2.5°S, indicators for two years, two partners with three programmes, and one
/// transmigration area. Names include quotes, double spaces and non-ASCII letters on purpose.
/// </summary>
public static class SmallDataset
{
    public const string Kabupaten = "99.01";
    public const int VillageCount = 12;
    public static readonly string[] Kecamatan = ["99.01.01", "99.01.02"];

    /// <summary>Village codes in load order: 99.01.01.2001 … 99.01.01.2006, 99.01.02.2001 … 99.01.02.2006.</summary>
    public static IReadOnlyList<string> VillageCodes { get; } =
        Kecamatan.SelectMany(k => Enumerable.Range(1, 6).Select(i => $"{k}.{2000 + i}")).ToList();

    private static readonly string[] Names =
    [
        "Sungai Raya", "Desa O'Brien", "Karang  Dua Spasi", "Tanjung Ñandú", "Suka \"Maju\"", "Sido Mulyo",
        "Teluk Baru", "Pasir Putih", "Lok Baintan", "Anjir Pasar", "Handil Bakti", "Jejangkit Jaya",
    ];

    public static string VillageName(int index) => Names[index];

    /// <summary>Inserts the dataset and refreshes the derived summaries.</summary>
    public static async Task LoadAsync(PostgisDatabase db)
    {
        await db.ExecuteAsync("INSERT INTO desagis.provinsi (kode, nama, geom) VALUES ('99', 'Provinsi Uji', ST_Multi(ST_MakeEnvelope(114.4, -2.7, 114.8, -2.4, 4326)))");
        await db.ExecuteAsync("INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES ($1, 'Kabupaten Uji', ST_Multi(ST_MakeEnvelope(114.5, -2.6, 114.8, -2.5, 4326)))", Kabupaten);
        for (int k = 0; k < 2; k++)
        {
            double x0 = 114.5 + k * 0.15;
            await db.ExecuteAsync(
                "INSERT INTO desagis.kecamatan (kode, nama, geom) VALUES ($1, $2, ST_Multi(ST_MakeEnvelope($3, -2.6, $4, -2.5, 4326)))",
                Kecamatan[k], k == 0 ? "Kecamatan Barat" : "Kecamatan Timur", x0, x0 + 0.15);
        }
        for (int i = 0; i < VillageCount; i++)
        {
            int k = i / 6, col = i % 3, row = (i % 6) / 3;
            double x = 114.5 + k * 0.15 + col * 0.05, y = -2.6 + row * 0.05;
            var code = VillageCodes[i];
            await db.ExecuteAsync(
                "INSERT INTO desagis.desa (kode, nama, jenis, area_km2, geom) VALUES ($1, $2, $3, $4, ST_Multi(ST_MakeEnvelope($5, $6, $7, $8, 4326)))",
                code, Names[i], i == 5 ? "kelurahan" : "desa", 30.0 + i, x, y, x + 0.05, y + 0.05);
            foreach (int year in new[] { 2023, 2024 })
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO desagis.village_indicator (desa_kode, year, population, poverty_rate, extreme_poor_people,
                        extreme_poor_households, idm_score, idm_status, source)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'uji')
                    """,
                    code, year, 1000 + 250 * i, PovertyRate(i) + (year - 2024), 10 * i + 5, 3 * i + 1,
                    IdmScore(i), IdmStatus(IdmScore(i)));
            }
        }
        await db.ExecuteAsync("INSERT INTO desagis.partner (kode, nama, kind) VALUES ('P-GOV', 'Kemendes PDTT', 'government'), ('P-NGO', 'Yayasan \"Desa\" Sejahtera', 'ngo')");
        await db.ExecuteAsync(
            """
            INSERT INTO desagis.program (kode, nama, partner_id, sector, start_date, end_date, status)
            SELECT v.kode, v.nama, p.id, v.sector, v.s::date, v.e::date, v.status
              FROM (VALUES ('PRG-1', 'Air Bersih', 'P-GOV', 'water', '2023-01-01', '2026-12-31', 'active'),
                           ('PRG-2', 'Sekolah Lapang', 'P-NGO', 'agriculture', '2024-01-01', '2025-12-31', 'active'),
                           ('PRG-3', 'Jalan Desa', 'P-GOV', 'infrastructure', '2020-01-01', '2021-12-31', 'completed'))
                   AS v(kode, nama, partner, sector, s, e, status)
              JOIN desagis.partner p ON p.kode = v.partner
            """);
        // PRG-1 covers the first four villages, PRG-2 villages 3–6 (so 3 and 4 have two partners), PRG-3 village 12.
        await db.ExecuteAsync(
            """
            INSERT INTO desagis.program_village (program_id, desa_kode)
            SELECT p.id, c.kode FROM desagis.program p
              JOIN (VALUES ('PRG-1', $1), ('PRG-1', $2), ('PRG-1', $3), ('PRG-1', $4),
                           ('PRG-2', $3), ('PRG-2', $4), ('PRG-2', $5), ('PRG-2', $6), ('PRG-3', $7)) AS c(program, kode)
                ON c.program = p.kode
            """,
            VillageCodes[0], VillageCodes[1], VillageCodes[2], VillageCodes[3], VillageCodes[4], VillageCodes[5], VillageCodes[11]);
        await db.ExecuteAsync(
            "INSERT INTO desagis.transmigration_area (kode, nama, kind, status, year, geom) VALUES ('KT-1', 'SKP Uji Makmur', 'SKP', 'berkembang', 1995, ST_Multi(ST_MakeEnvelope(114.65, -2.6, 114.8, -2.5, 4326)))");
        await db.ExecuteAsync(
            "INSERT INTO desagis.transmigration_area_village (area_id, desa_kode) SELECT t.id, d.kode FROM desagis.transmigration_area t, desagis.desa d WHERE t.kode = 'KT-1' AND d.kecamatan_kode = $1",
            Kecamatan[1]);
        await db.ExecuteAsync("SELECT desagis.refresh_program_footprint(NULL)");
        await db.ExecuteAsync("SELECT desagis.refresh_village_summary(NULL)");
    }

    /// <summary>The 2024 poverty rate of village i (percent).</summary>
    public static double PovertyRate(int i) => 5.0 + 3.0 * i;

    public static double IdmScore(int i) => Math.Round(0.45 + 0.04 * i, 4);

    public static string IdmStatus(double score) => score switch
    {
        >= 0.8155 => "MANDIRI",
        >= 0.7072 => "MAJU",
        >= 0.5989 => "BERKEMBANG",
        >= 0.4907 => "TERTINGGAL",
        _ => "SANGAT_TERTINGGAL",
    };

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
