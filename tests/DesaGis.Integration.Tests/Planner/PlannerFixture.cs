using System.Globalization;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Planner;

/// <summary>
/// A small kabupaten for planner tests: two kecamatan, ten villages on a grid about 2.2 km apart (two of them kelurahan,
/// which make the kabupaten seat), poverty rates and IDM figures, one partner programme and a hostile village name.
/// </summary>
public sealed class PlannerFixture : IAsyncLifetime
{
    public PostgisDatabase Db { get; } = new();

    /// <summary>(code, name, column, row, poverty rate, IDM status).</summary>
    public static readonly (string Kode, string Nama, int X, int Y, double Poverty, string Idm)[] Villages =
    [
        ("63.98.01.1001", "Kota Uji", 0, 0, 4, "MAJU"),
        ("63.98.01.1002", "Pasar Uji", 1, 0, 5, "MAJU"),
        ("63.98.01.2003", "Sungai \"Dalam\"", 2, 0, 22, "TERTINGGAL"),
        ("63.98.01.2004", "Desa 'Ujung'", 3, 0, 30, "SANGAT_TERTINGGAL"),
        ("63.98.01.2005", "Tanjung", 4, 0, 12, "BERKEMBANG"),
        ("63.98.02.2006", "Handil Satu", 0, 6, 18, "TERTINGGAL"),
        ("63.98.02.2007", "Handil Dua", 1, 6, 26, "TERTINGGAL"),
        ("63.98.02.2008", "Handil Tiga", 2, 6, 9, "BERKEMBANG"),
        ("63.98.02.2009", "Handil Empat", 3, 6, 28, "SANGAT_TERTINGGAL"),
        ("63.98.02.2010", "Handil Lima", 4, 6, 15, "BERKEMBANG"),
    ];

    public const double Step = 0.02;
    public const double Lon0 = 114.5, Lat0 = -3.2;

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        await Db.ExecuteAsync("INSERT INTO desagis.provinsi (kode, nama) VALUES ('63', 'Kalimantan Selatan')");
        await Db.ExecuteAsync("INSERT INTO desagis.kabupaten (kode, nama) VALUES ('63.98', 'Kabupaten Uji')");
        await Db.ExecuteAsync("INSERT INTO desagis.kecamatan (kode, nama) VALUES ('63.98.01', 'Kecamatan Satu'), ('63.98.02', 'Kecamatan Dua')");
        foreach (var v in Villages)
        {
            double x = Lon0 + v.X * Step, y = Lat0 + v.Y * Step;
            var wkt = string.Create(CultureInfo.InvariantCulture,
                $"POLYGON(({x} {y},{x + Step * 0.9} {y},{x + Step * 0.9} {y + Step * 0.9},{x} {y + Step * 0.9},{x} {y}))");
            await Db.ExecuteAsync(
                "INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES ($1, $2, $3, ST_Multi(ST_GeomFromText($4, 4326)))",
                v.Kode, v.Nama, v.Kode[9] == '1' ? "kelurahan" : "desa", wkt);
            await Db.ExecuteAsync(
                "INSERT INTO desagis.village_indicator (desa_kode, year, population, poverty_rate, idm_status, source) VALUES ($1, 2024, $2, $3, $4, 'test')",
                v.Kode, 1000 + (int)(v.Poverty * 50), v.Poverty, v.Idm);
        }
        await Db.ExecuteAsync("INSERT INTO desagis.partner (kode, nama, kind) VALUES ('P1', 'Mitra Satu', 'ngo')");
        await Db.ExecuteAsync("INSERT INTO desagis.program (kode, nama, partner_id, sector) SELECT 'PR1', 'Air Bersih', id, 'water' FROM desagis.partner");
        await Db.ExecuteAsync("INSERT INTO desagis.program_village (program_id, desa_kode) SELECT id, '63.98.01.2004' FROM desagis.program");
        await Db.ExecuteAsync("SELECT desagis.refresh_village_summary(NULL)");
        await Db.ExecuteAsync("SELECT desagis.refresh_program_footprint(NULL)");
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}
