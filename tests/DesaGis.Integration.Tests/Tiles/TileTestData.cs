using System.Globalization;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>
/// A small region of villages for tile tests: a 3×3 block of adjoining villages in Barito Kuala (one named with
/// quotes and spaces), a tiny kelurahan that must not vanish at low zooms, a far-away village in Sulawesi, their
/// kecamatan/kabupaten/provinsi, indicators, a partner programme and a transmigration area.
/// </summary>
public static class TileTestData
{
    public const double West = 114.50, North = -3.00, Cell = 0.02;
    public const string QuotedName = "Desa \"Sungai\" O'Brien";
    public const string TinyKode = "63.04.02.1001";
    public const string FarKode = "73.01.01.2001";

    /// <summary>The village in row r, column c of the block: 63.04.01.20rc.</summary>
    public static string Kode(int row, int col) => $"63.04.01.20{row}{col}";

    public static (double Lon, double Lat) Centre(int row, int col) => (West + (col + 0.5) * Cell, North - (row + 0.5) * Cell);

    public static async Task SeedAsync(PostgisDatabase db)
    {
        var inv = CultureInfo.InvariantCulture;
        string Box(double w, double s, double e, double n) =>
            string.Create(inv, $"MULTIPOLYGON((({w} {s},{e} {s},{e} {n},{w} {n},{w} {s})))");

        await db.ExecuteAsync("INSERT INTO desagis.provinsi (kode, nama, geom) VALUES ('63', 'Kalimantan Selatan', ST_GeomFromText($1, 4326)), ('73', 'Sulawesi Selatan', ST_GeomFromText($2, 4326))",
            Box(114.0, -4.0, 115.5, -2.0), Box(119.5, -6.0, 120.5, -4.5));
        await db.ExecuteAsync("INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES ('63.04', 'Barito Kuala', ST_GeomFromText($1, 4326)), ('73.01', 'Kepulauan Selayar', ST_GeomFromText($2, 4326))",
            Box(114.3, -3.5, 115.0, -2.5), Box(119.9, -5.5, 120.2, -4.9));
        await db.ExecuteAsync("INSERT INTO desagis.kecamatan (kode, nama, geom) VALUES ('63.04.01', 'Tabunganen', ST_GeomFromText($1, 4326)), ('63.04.02', 'Tamban', ST_GeomFromText($2, 4326)), ('73.01.01', 'Benteng', ST_GeomFromText($3, 4326))",
            Box(West, North - 3 * Cell, West + 3 * Cell, North), Box(West + 3 * Cell, North - 3 * Cell, West + 6 * Cell, North), Box(120.0, -5.2, 120.1, -5.1));
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
            {
                double w = West + c * Cell, n = North - r * Cell;
                string name = r == 1 && c == 1 ? QuotedName : $"Desa R{r}C{c}";
                await db.ExecuteAsync("INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ($1, $2, 'desa', ST_GeomFromText($3, 4326))",
                    Kode(r, c), name, Box(w, n - Cell, w + Cell, n));
                await db.ExecuteAsync("INSERT INTO desagis.village_indicator (desa_kode, year, population, poverty_rate, extreme_poor_people, idm_status, idm_score, source) VALUES ($1, 2024, 1000, $2, $3, 'BERKEMBANG', 0.6, 'test')",
                    Kode(r, c), 5.0 + r * 3 + c, 10 * (r + c));
            }
        // About 55 m across: far below one MVT unit at zoom 5, so plain ST_AsMVTGeom would drop it there.
        await db.ExecuteAsync("INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ($1, 'Kelurahan Kecil', 'kelurahan', ST_GeomFromText($2, 4326))",
            TinyKode, Box(West + 3.2 * Cell, North - 0.0005 - Cell, West + 3.2 * Cell + 0.0005, North - Cell));
        await db.ExecuteAsync("INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ($1, 'Desa Jauh', 'desa', ST_GeomFromText($2, 4326))",
            FarKode, Box(120.02, -5.18, 120.04, -5.16));
        await db.ExecuteAsync("INSERT INTO desagis.village_indicator (desa_kode, year, poverty_rate, source) VALUES ($1, 2024, 30.5, 'test')", FarKode);
        await db.ExecuteAsync("INSERT INTO desagis.partner (kode, nama, kind) VALUES ('P1', 'Yayasan Air Bersih', 'ngo')");
        await db.ExecuteAsync("INSERT INTO desagis.program (kode, nama, partner_id, sector) SELECT 'PRG-1', 'Air bersih desa', id, 'water' FROM desagis.partner WHERE kode = 'P1'");
        await db.ExecuteAsync("INSERT INTO desagis.program_village (program_id, desa_kode) SELECT id, $1 FROM desagis.program WHERE kode = 'PRG-1'", Kode(0, 0));
        await db.ExecuteAsync("INSERT INTO desagis.program_village (program_id, desa_kode) SELECT id, $1 FROM desagis.program WHERE kode = 'PRG-1'", Kode(0, 1));
        await db.ExecuteAsync("INSERT INTO desagis.transmigration_area (kode, nama, kind, geom) VALUES ('SKP-1', 'SKP Tabunganen', 'SKP', ST_GeomFromText($1, 4326))",
            Box(West, North - 2 * Cell, West + 2 * Cell, North));
        await db.ExecuteAsync("SELECT desagis.refresh_program_footprint(NULL)");
        await db.ExecuteAsync("SELECT desagis.refresh_village_summary(NULL)");
    }
}
