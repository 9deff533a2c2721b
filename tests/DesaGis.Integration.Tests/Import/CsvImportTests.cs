using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>CSV: WKT and lon/lat geometry, and indicator tables keyed by village or (through the crosswalk) BPS codes.</summary>
public class CsvImportTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private Task<ImportReport> ImportAsync(ImportRequest request) => new Importer(db.DataSource).ImportAsync(request);

    [Fact]
    public async Task A_WKT_column_in_an_Indonesian_TM3_CRS_is_read_through_spatial_ref_sys()
    {
        // DGN95 / Indonesia TM-3 zone 50.1 (EPSG:23837) is not built in: its definition comes from PostGIS.
        const string wkt = "POLYGON((200000 9660000,201000 9660000,201000 9661000,200000 9661000,200000 9660000))";
        var path = _files.Text("tm3.csv", $"kode;nama;wkt\n63.04.07.2001;\"Desa; \"\"TM-3\"\"\";\"{wkt}\"\n");

        var report = await ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.Desa, SourceCrs = "EPSG:23837" });

        Assert.Equal(1, report.Inserted);
        Assert.Equal("Desa; \"TM-3\"", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = $1", "63.04.07.2001"));
        Assert.InRange(await db.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_Transform(ST_GeomFromText($2, 23837), 4326)) FROM desagis.desa WHERE kode = $1", "63.04.07.2001", wkt), 0, 1e-7);
    }

    [Fact]
    public async Task Lon_lat_points_are_read_but_refused_by_a_polygon_table_with_their_line_number()
    {
        var path = _files.Text("points.csv", "kode,nama,lon,lat\n63.04.08.2001,Titik,114.5,-3.1\n63.04.08.2002,Rusak,abc,-3.1\n");

        var report = await ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.Desa });

        Assert.Equal(2, report.RowsRead);
        Assert.Equal(0, report.Inserted);
        Assert.Equal(["line 2", "line 3"], report.Rejections.Select(r => r.Location));
        Assert.Contains("Point", report.Rejections[0].Reason);
        Assert.Contains("not numbers", report.Rejections[1].Reason);
    }

    [Fact]
    public async Task A_village_indicator_table_without_geometry_is_checked_row_by_row()
    {
        await db.ExecuteAsync("INSERT INTO desagis.desa (kode, nama, jenis) VALUES ('52.03.02.2001', 'Suwangi', 'desa')");
        var path = _files.Text("idm kecil.csv",
            "kode_desa,tahun,skor_idm,status_idm,penduduk,p0\n" +
            "5203022001,2024,0.819,MANDIRI,3120,\"12,5\"\n" +      // decimal comma
            "52.03.02.2001,2023,0.7797,maju,,\n" +
            "52.03.02.2001,2022,1.7,MAJU,,\n" +                   // score out of 0–1
            "52.03.02.2001,2021,0.67,SANGAT TERTINGGAL,,\n" +
            "52.03.02,2021,0.6,MAJU,,\n" +                        // a kecamatan code: another level, skipped
            "52.03.02.20X1,2021,0.6,MAJU,,\n" +                   // not a code
            "52.03.02.2001,2020,0.6,HEBAT,,\n");                  // not a status

        var report = await ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.VillageIndicator, Source = "IDM uji" });

        Assert.Equal(7, report.RowsRead);
        Assert.Equal(3, report.Inserted);
        Assert.Equal(1, report.Skipped);
        Assert.Equal(["line 4", "line 7", "line 8"], report.Rejections.Select(r => r.Location));
        Assert.Contains("idm_score", report.Rejections[0].Reason);
        Assert.Equal(12.5, await db.ScalarAsync<double>("SELECT poverty_rate FROM desagis.village_indicator WHERE desa_kode = $1 AND year = 2024", "52.03.02.2001"));
        Assert.Equal("SANGAT_TERTINGGAL", await db.ScalarAsync<string>("SELECT idm_status FROM desagis.village_indicator WHERE desa_kode = $1 AND year = 2021", "52.03.02.2001"));
        Assert.Equal("IDM uji", await db.ScalarAsync<string>("SELECT source FROM desagis.village_indicator WHERE desa_kode = $1 AND year = 2023", "52.03.02.2001"));
        // The summary the map shows is refreshed in the same transaction: the latest IDM year wins.
        Assert.Equal("MANDIRI", await db.ScalarAsync<string>("SELECT idm_status FROM desagis.village_summary WHERE kode = $1", "52.03.02.2001"));
        Assert.Equal(3120, await db.ScalarAsync<int>("SELECT population FROM desagis.village_summary WHERE kode = $1", "52.03.02.2001"));
    }

    [Fact]
    public async Task BPS_keyed_kabupaten_rows_join_through_the_crosswalk()
    {
        var crosswalk = _files.Text("bridge.csv",
            "kode_bps,nama_bps,kode_dagri,nama_dagri\n6106,KETAPANG,6104,KAB. KETAPANG\n6108,KAPUAS HULU,6106,KAB. KAPUAS HULU\n6104,MEMPAWAH,6102,KAB. MEMPAWAH\n");
        var bridge = await ImportAsync(new ImportRequest { Path = crosswalk, Preset = "bps-crosswalk" });
        Assert.Equal(3, bridge.Inserted);
        Assert.Equal("61.06", await db.ScalarAsync<string>("SELECT kode_kemendagri FROM desagis.code_crosswalk WHERE level = 'kabupaten' AND kode_bps = '6108'"));

        var poverty = _files.Text("p0.csv", "kode_bps;p0_persen_penduduk_miskin\n6108;8,93\n6106;10.13\n9999;5\n");
        var report = await ImportAsync(new ImportRequest { Path = poverty, Preset = "kemiskinan", Year = 2021 });

        Assert.Equal(2, report.Inserted);
        var rejection = Assert.Single(report.Rejections);
        Assert.Equal("line 4", rejection.Location);
        Assert.Contains("9999", rejection.Reason);
        // BPS 6108 is Kapuas Hulu, which Kemendagri numbers 61.06; BPS 6106 is Ketapang (61.04).
        Assert.Equal(8.93, await db.ScalarAsync<double>("SELECT poverty_rate FROM desagis.kabupaten_indicator WHERE kabupaten_kode = '61.06' AND year = 2021"));
        Assert.Equal(10.13, await db.ScalarAsync<double>("SELECT poverty_rate FROM desagis.kabupaten_indicator WHERE kabupaten_kode = '61.04' AND year = 2021"));

        var noYear = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(new ImportRequest { Path = poverty, Preset = "kemiskinan" }));
        Assert.Contains("--year", noYear.Message);
    }
}
