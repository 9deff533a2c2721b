using System.Globalization;
using DesaGis.Testing;

namespace DesaGis.Browser.Tests.Infrastructure;

/// <summary>
/// A small, synthetic area for the browser tests: two kabupaten, three kecamatan and twelve villages on a 4 × 3 grid
/// of 0.05° squares near 114.6° E, 3° S, with indicators, two partners' programmes and one transmigration area.
/// One village name carries an apostrophe, to prove names are shown as text everywhere.
/// </summary>
public static class VillageDataset
{
    public sealed record Village(string Kode, string Nama, int Column, int Row, double? PovertyRate, int ExtremePoor, string IdmStatus, double IdmScore, int Population)
    {
        public double West => Lon0 + Column * Size;
        public double North => Lat0 - Row * Size;
        /// <summary>The square's centre, inside the village.</summary>
        public (double Lon, double Lat) Centre => (West + Size / 2, North - Size / 2);
        public string Wkt => Square(West, North - Size, West + Size, North);
    }

    public sealed record Kecamatan(string Kode, string Nama, int FirstColumn, int LastColumn);

    private const double Lon0 = 114.50;
    private const double Lat0 = -3.00;
    public const double Size = 0.05;

    public const string KabupatenA = "63.71";
    public const string KabupatenAName = "Sungai Lima";
    public const string KabupatenB = "63.72";
    public const string KabupatenBName = "Tanjung Raya";

    public static readonly Kecamatan[] Kecamatans =
    [
        new("63.71.01", "Danau Biru", 0, 1),
        new("63.71.02", "Pulau Kecil", 2, 2),
        new("63.72.01", "Teluk Bayur", 3, 3),
    ];

    public static readonly Village[] Villages =
    [
        new("63.71.01.2001", "Sungai Rangas", 0, 0, 4.2, 3, "MAJU", 0.74, 2100),
        new("63.71.01.2002", "Teluk D'Alam", 1, 0, 7.5, 8, "BERKEMBANG", 0.63, 1850),
        new("63.71.01.2003", "Pematang Baru", 0, 1, 12.5, 20, "BERKEMBANG", 0.61, 3200),
        new("63.71.01.2004", "Banua Anyar", 1, 1, 18.0, 41, "TERTINGGAL", 0.55, 1400),
        new("63.71.01.2005", "Kuin Selatan", 0, 2, 25.5, 66, "TERTINGGAL", 0.52, 980),
        new("63.71.01.2006", "Handil Bakti", 1, 2, 35.0, 120, "SANGAT_TERTINGGAL", 0.44, 760),
        new("63.71.02.2001", "Tamban Muara", 2, 0, 9.0, 12, "MAJU", 0.71, 2600),
        new("63.71.02.2002", "Jelapat Baru", 2, 1, 14.0, 30, "BERKEMBANG", 0.60, 1700),
        new("63.71.02.2003", "Simpang Arja", 2, 2, 22.0, 55, "TERTINGGAL", 0.50, 1200),
        new("63.72.01.2001", "Lok Rawa", 3, 0, 31.0, 90, "SANGAT_TERTINGGAL", 0.42, 900),
        new("63.72.01.2002", "Sungai Tabuk", 3, 1, 6.0, 5, "MANDIRI", 0.83, 5400),
        new("63.72.01.2003", "Batu Ampar", 3, 2, null, 0, "BERKEMBANG", 0.58, 1300),
    ];

    public const string PartnerWater = "Yayasan Air Bersih";
    public const string PartnerDistrict = "Dinas PMD Sungai Lima";
    public const string ProgramSanitation = "Sanitasi Desa Sehat";
    public const string ProgramEnterprise = "BUMDes Kuat";
    public const string TransmigrationArea = "UPT Sungai Lima SP 1";

    /// <summary>Villages each programme covers, and the villages of the transmigration area.</summary>
    public static readonly string[] SanitationVillages = ["63.71.01.2001", "63.71.01.2002", "63.71.01.2003"];
    public static readonly string[] EnterpriseVillages = ["63.71.01.2003", "63.71.01.2004", "63.71.02.2002"];
    public static readonly string[] TransmigrationVillages = ["63.71.01.2005", "63.71.01.2006"];

    public static Village ByKode(string kode) => Villages.Single(v => v.Kode == kode);

    /// <summary>The extent of the whole dataset [west, south, east, north].</summary>
    public static double[] Bounds => [Lon0, Lat0 - 3 * Size, Lon0 + 4 * Size, Lat0];

    public static async Task InsertAsync(PostgisDatabase db)
    {
        await db.ExecuteAsync("INSERT INTO desagis.provinsi (kode, nama, geom) VALUES ('63', 'Kalimantan Selatan', ST_Multi(ST_GeomFromText($1, 4326)))",
            Square(Lon0, Lat0 - 3 * Size, Lon0 + 4 * Size, Lat0));
        await db.ExecuteAsync("INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES ($1, $2, ST_Multi(ST_GeomFromText($3, 4326)))",
            KabupatenA, KabupatenAName, Square(Lon0, Lat0 - 3 * Size, Lon0 + 3 * Size, Lat0));
        await db.ExecuteAsync("INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES ($1, $2, ST_Multi(ST_GeomFromText($3, 4326)))",
            KabupatenB, KabupatenBName, Square(Lon0 + 3 * Size, Lat0 - 3 * Size, Lon0 + 4 * Size, Lat0));
        foreach (var k in Kecamatans)
        {
            await db.ExecuteAsync("INSERT INTO desagis.kecamatan (kode, nama, geom) VALUES ($1, $2, ST_Multi(ST_GeomFromText($3, 4326)))",
                k.Kode, k.Nama, Square(Lon0 + k.FirstColumn * Size, Lat0 - 3 * Size, Lon0 + (k.LastColumn + 1) * Size, Lat0));
        }
        foreach (var v in Villages)
        {
            await db.ExecuteAsync("INSERT INTO desagis.desa (kode, nama, jenis, area_km2, geom) VALUES ($1, $2, 'desa', 30.9, ST_Multi(ST_GeomFromText($3, 4326)))",
                v.Kode, v.Nama, v.Wkt);
            await db.ExecuteAsync(
                """
                INSERT INTO desagis.village_indicator (desa_kode, year, population, poverty_rate, extreme_poor_people, idm_score, idm_status, source)
                VALUES ($1, 2024, $2, $3, $4, $5, $6, 'browser-test fixture')
                """,
                v.Kode, v.Population, v.PovertyRate.HasValue ? v.PovertyRate.Value : DBNull.Value, v.ExtremePoor, v.IdmScore, v.IdmStatus);
        }
        await db.ExecuteAsync("INSERT INTO desagis.partner (kode, nama, kind) VALUES ('YAB', $1, 'ngo'), ('PMD', $2, 'government')",
            PartnerWater, PartnerDistrict);
        await db.ExecuteAsync(
            """
            INSERT INTO desagis.program (kode, nama, partner_id, sector, start_date, end_date, status)
            VALUES ('SAN-1', $1, (SELECT id FROM desagis.partner WHERE kode = 'YAB'), 'Air dan sanitasi', '2022-01-01', '2025-12-31', 'active'),
                   ('BUM-1', $2, (SELECT id FROM desagis.partner WHERE kode = 'PMD'), 'Ekonomi desa', '2024-01-01', '2026-12-31', 'active')
            """, ProgramSanitation, ProgramEnterprise);
        foreach (var kode in SanitationVillages)
            await db.ExecuteAsync("INSERT INTO desagis.program_village (program_id, desa_kode) SELECT id, $1 FROM desagis.program WHERE kode = 'SAN-1'", kode);
        foreach (var kode in EnterpriseVillages)
            await db.ExecuteAsync("INSERT INTO desagis.program_village (program_id, desa_kode) SELECT id, $1 FROM desagis.program WHERE kode = 'BUM-1'", kode);
        await db.ExecuteAsync(
            """
            INSERT INTO desagis.transmigration_area (kode, nama, kind, status, year, geom)
            SELECT 'UPT-SL-1', $1, 'UPT', 'dibina', 2019, ST_Multi(ST_Union(geom)) FROM desagis.desa WHERE kode = ANY ($2)
            """, TransmigrationArea, TransmigrationVillages);
        await db.ExecuteAsync(
            "INSERT INTO desagis.transmigration_area_village (area_id, desa_kode) SELECT t.id, k FROM desagis.transmigration_area t, unnest($1::text[]) k WHERE t.kode = 'UPT-SL-1'",
            (object)TransmigrationVillages);
        await db.ExecuteAsync("SELECT desagis.refresh_village_summary(NULL)");
        await db.ExecuteAsync("SELECT desagis.refresh_program_footprint(NULL)");
    }

    private static string Square(double west, double south, double east, double north)
    {
        string P(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x} {y}");
        return $"POLYGON(({P(west, south)},{P(east, south)},{P(east, north)},{P(west, north)},{P(west, south)}))";
    }
}
