using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>Partners, programmes and their villages, transmigration areas: links, footprints and the village summary.</summary>
public class ProgramImportTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private Task<ImportReport> ImportAsync(ImportRequest request) => new Importer(db.DataSource).ImportAsync(request);

    private async Task ArrangeVillagesAsync(string kecamatan)
    {
        var features = Enumerable.Range(1, 4).Select(i => ImportFiles.Feature(
            new Dictionary<string, object?> { ["kode"] = $"{kecamatan}.200{i}", ["nama"] = $"Desa {kecamatan} {i}" },
            ImportFiles.PolygonJson(ImportFiles.Square(115.0 + i * 0.1, -2.0, 0.1))));
        var report = await ImportAsync(new ImportRequest { Path = _files.GeoJson($"villages {kecamatan}.geojson", features), Target = ImportTarget.Desa });
        Assert.Empty(report.Rejections);
    }

    [Fact]
    public async Task Programmes_get_their_partner_villages_and_a_footprint_derived_from_them()
    {
        await ArrangeVillagesAsync("63.06.01");
        var partners = _files.Text("partners.csv", "kode,nama,jenis\nBAP,\"Bappeda \"\"Kalsel\"\"\",pemerintah\nYLS,Yayasan Lestari,lsm\nXX,Tanpa jenis,kerajaan\n");
        var partnerReport = await ImportAsync(new ImportRequest { Path = partners, Target = ImportTarget.Partner });
        Assert.Equal(2, partnerReport.Inserted);
        Assert.Equal("line 4", Assert.Single(partnerReport.Rejections).Location);
        Assert.Equal("ngo", await db.ScalarAsync<string>("SELECT kind FROM desagis.partner WHERE kode = 'YLS'"));

        var programs = _files.Text("programs.csv",
            "kode,nama,partner,sektor,mulai,selesai,status,desa_kodes\n" +
            "P1,Air Bersih,BAP,air,2024-01-01,2026-12-31,aktif,\"63.06.01.2001, 63.06.01.2002\"\n" +
            "P2,Sekolah Lapang,YLS,pertanian,2025-03-01,,rencana,6306012003\n" +
            "P3,Tanpa Mitra,NOPE,kesehatan,,,,63.06.01.2004\n" +
            "P4,Tanggal Terbalik,BAP,air,2025-01-01,2024-01-01,,\n");
        var report = await ImportAsync(new ImportRequest { Path = programs, Target = ImportTarget.Program });

        Assert.Equal(2, report.Inserted);
        Assert.Equal(["line 4", "line 5"], report.Rejections.Select(r => r.Location));
        Assert.Contains("NOPE", report.Rejections[0].Reason);
        Assert.Contains("end_date", report.Rejections[1].Reason);
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.program_village pv JOIN desagis.program p ON p.id = pv.program_id WHERE p.kode = 'P1'"));
        // No drawn geometry, so the footprint is the union of the two adjacent 0.1° villages.
        Assert.Equal(0.02, await db.ScalarAsync<double>("SELECT ST_Area(footprint) FROM desagis.program WHERE kode = 'P1'"), 9);
        Assert.Equal("planned", await db.ScalarAsync<string>("SELECT status FROM desagis.program WHERE kode = 'P2'"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT program_count FROM desagis.village_summary WHERE kode = '63.06.01.2001'"));
        Assert.Equal("Bappeda \"Kalsel\"", await db.ScalarAsync<string>("SELECT partner_names FROM desagis.village_summary WHERE kode = '63.06.01.2001'"));

        // Adding a village to P2 through program_village extends its footprint and the summary.
        var links = _files.Text("links.csv", "program_kode,desa_kode\nP2,63.06.01.2004\nP2,63.06.01.2003\nP9,63.06.01.2001\n");
        var linkReport = await ImportAsync(new ImportRequest { Path = links, Target = ImportTarget.ProgramVillage });
        Assert.Equal((1, 1), (linkReport.Inserted, linkReport.Unchanged));
        Assert.Contains("P9", Assert.Single(linkReport.Rejections).Reason);
        Assert.Equal(0.02, await db.ScalarAsync<double>("SELECT ST_Area(footprint) FROM desagis.program WHERE kode = 'P2'"), 9);
        Assert.Equal("Yayasan Lestari", await db.ScalarAsync<string>("SELECT partner_names FROM desagis.village_summary WHERE kode = '63.06.01.2004'"));
    }

    [Fact]
    public async Task Transmigration_villages_become_settlement_areas_containing_their_village()
    {
        await ArrangeVillagesAsync("61.06.03");
        var file = _files.GeoJson("transmigrasi.geojson",
        [
            ImportFiles.Feature(new Dictionary<string, object?> { ["kode_desa"] = "61.06.03.2002", ["nama_desa"] = "Keliling Semulung" },
                ImportFiles.PolygonJson(ImportFiles.Square(115.2, -2.0, 0.1))),
            ImportFiles.Feature(new Dictionary<string, object?> { ["kode_desa"] = "61.06.03.2003", ["nama_desa"] = "Kedua" },
                ImportFiles.PolygonJson(ImportFiles.Square(115.3, -2.0, 0.1))),
        ]);

        var report = await ImportAsync(new ImportRequest { Path = file, Preset = "transmigrasi-desa", Constants = new Dictionary<string, string> { ["kind"] = "UPT" } });

        Assert.Equal(2, report.Inserted);
        Assert.Equal("Permukiman Transmigrasi Keliling Semulung", await db.ScalarAsync<string>("SELECT nama FROM desagis.transmigration_area WHERE kode = 'UPT-61.06.03.2002'"));
        Assert.Equal("UPT", await db.ScalarAsync<string>("SELECT kind FROM desagis.transmigration_area WHERE kode = 'UPT-61.06.03.2002'"));
        Assert.Equal("61.06.03.2002", await db.ScalarAsync<string>(
            "SELECT v.desa_kode FROM desagis.transmigration_area_village v JOIN desagis.transmigration_area a ON a.id = v.area_id WHERE a.kode = 'UPT-61.06.03.2002'"));
        Assert.True(await db.ScalarAsync<bool>("SELECT in_transmigration_area FROM desagis.village_summary WHERE kode = '61.06.03.2002'"));
        Assert.False(await db.ScalarAsync<bool>("SELECT in_transmigration_area FROM desagis.village_summary WHERE kode = '61.06.03.2001'"));
    }
}
