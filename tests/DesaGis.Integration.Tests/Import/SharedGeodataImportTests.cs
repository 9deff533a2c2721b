using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>
/// The real files of ../shared/geodata, imported as they are. Each test imports what it needs (imports are
/// idempotent), so the tests do not depend on each other's order.
/// </summary>
public class SharedGeodataImportTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private Task<ImportReport> ImportAsync(string relativePath, ImportTarget? target, string? preset = null, int? year = null) =>
        new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = SharedGeodata.File(relativePath), Target = target, Preset = preset, Year = year });

    [GeodataFact]
    public async Task The_four_regencies_desa_polygons_import_with_their_counts()
    {
        var expected = new (string File, string Kab, int Count, int Kelurahan)[]
        {
            ("desa_6304_barito_kuala.geojson", "63.04", 201, 6),
            ("desa_6106_kapuas_hulu.geojson", "61.06", 282, 4),
            ("desa_6104_ketapang.geojson", "61.04", 262, 9),
            ("desa_5203_lombok_timur.geojson", "52.03", 254, 15),
        };
        foreach (var (file, kab, count, kelurahan) in expected)
        {
            var report = await ImportAsync($"cahyadsn_wilayah_boundaries/{file}", ImportTarget.Desa);
            Assert.Equal(count, report.RowsRead);
            Assert.Empty(report.Rejections);
            Assert.Equal(count, report.Inserted + report.Updated + report.Unchanged);
            Assert.Equal(count, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE kabupaten_kode = $1 AND ST_IsValid(geom)", kab));
            Assert.Equal(kelurahan, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE kabupaten_kode = $1 AND jenis = 'kelurahan'", kab));
        }
        Assert.Equal("Kuala Lupak", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '63.04.01.2001'"));
        Assert.Equal("6304012001", await db.ScalarAsync<string>("SELECT kode10 FROM desagis.desa WHERE kode = '63.04.01.2001'"));
        Assert.Equal("Keliling Semulung", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '61.06.03.2002'"));
        Assert.Equal("Suwangi", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '52.03.02.2001'"));
        // Barito Kuala's villages add up to the regency's area (2,418.6 km² by the source's own check).
        Assert.Equal(2419, await db.ScalarAsync<double>("SELECT sum(area_km2) FROM desagis.desa WHERE kabupaten_kode = '63.04'"), 0);
    }

    [GeodataFact]
    public async Task The_kecamatan_kabupaten_and_province_layers_are_repaired_where_the_source_is_invalid()
    {
        var kec = await ImportAsync("cahyadsn_wilayah_boundaries/kecamatan_52_61_63.geojson", ImportTarget.Kecamatan);
        var kab = await ImportAsync("cahyadsn_wilayah_boundaries/kabupaten_kota_52_61_63.geojson", ImportTarget.Kabupaten);
        var prov = await ImportAsync("cahyadsn_wilayah_boundaries/provinsi_52_61_63.geojson", ImportTarget.Provinsi);

        // The source documents 12 kecamatan, 9 kab/kota and all 3 provinces as invalid ("nested shells").
        Assert.Equal((447, 12, 0), (kec.RowsRead, kec.Repaired, kec.Rejected));
        Assert.Equal((37, 9, 0), (kab.RowsRead, kab.Repaired, kab.Rejected));
        Assert.Equal((3, 3, 0), (prov.RowsRead, prov.Repaired, prov.Rejected));
        Assert.Equal(447, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kecamatan WHERE ST_IsValid(geom) AND provinsi_kode IN ('52', '61', '63')"));
        Assert.Equal(37, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kabupaten WHERE ST_IsValid(geom)"));
        Assert.Equal("Kabupaten Kapuas Hulu", await db.ScalarAsync<string>("SELECT nama FROM desagis.kabupaten WHERE kode = '61.06'"));
        Assert.Equal("kota", await db.ScalarAsync<string>("SELECT jenis FROM desagis.kabupaten WHERE kode = '61.71'"));
        Assert.Equal("Kalimantan Selatan", await db.ScalarAsync<string>("SELECT nama FROM desagis.provinsi WHERE kode = '63'"));
    }

    [GeodataFact]
    public async Task The_code_lists_import_each_level_and_skip_the_others()
    {
        var prov = await ImportAsync("cahyadsn_wilayah/wilayah_indonesia_prov_kabkota.csv", ImportTarget.Provinsi);
        var kab = await ImportAsync("cahyadsn_wilayah/wilayah_indonesia_prov_kabkota.csv", ImportTarget.Kabupaten);
        var kec = await ImportAsync("cahyadsn_wilayah/wilayah_52_61_63_semua_tingkat.csv", ImportTarget.Kecamatan);
        var desa = await ImportAsync("cahyadsn_wilayah/wilayah_target_kab_6304_6106_6104_5203.csv", ImportTarget.Desa);

        Assert.Equal((552, 514, 0), (prov.RowsRead, prov.Skipped, prov.Rejected));
        Assert.Equal((552, 38, 0), (kab.RowsRead, kab.Skipped, kab.Rejected));
        Assert.Equal((5814, 447, 0), (kec.RowsRead, kec.Inserted + kec.Updated + kec.Unchanged, kec.Rejected));
        Assert.Equal((1084, 999, 0), (desa.RowsRead, desa.Inserted + desa.Updated + desa.Unchanged, desa.Rejected));
        Assert.Equal(38, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.provinsi"));
        Assert.Equal(514, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kabupaten"));
        Assert.Equal(999, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE kabupaten_kode IN ('63.04', '61.06', '61.04', '52.03')"));
        // The source's trailing space ("Sungai Punggu Baru ") is not kept.
        Assert.Equal("Sungai Punggu Baru", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = '63.04.04.2011'"));
    }

    [GeodataFact]
    public async Task The_BPS_crosswalk_and_the_BPS_keyed_poverty_table_join_Kapuas_Hulu_and_Ketapang_correctly()
    {
        var p = await ImportAsync("zakiego_relasi_bps_kemendagri/provinsi_bps_kemendagri_2020.csv", null, "bps-crosswalk");
        var k = await ImportAsync("zakiego_relasi_bps_kemendagri/kabkota_bps_kemendagri_2020.csv", null, "bps-crosswalk");
        var c = await ImportAsync("zakiego_relasi_bps_kemendagri/kecamatan_bps_kemendagri_2020_prov_52_61_63.csv", null, "bps-crosswalk");
        Assert.Equal((34, 514, 444), (p.RowsRead, k.RowsRead, c.RowsRead));
        Assert.Equal(0, p.Rejected + k.Rejected + c.Rejected);
        Assert.Equal("61.06", await db.ScalarAsync<string>("SELECT kode_kemendagri FROM desagis.code_crosswalk WHERE level = 'kabupaten' AND kode_bps = '6108'"));
        Assert.Equal("61.04", await db.ScalarAsync<string>("SELECT kode_kemendagri FROM desagis.code_crosswalk WHERE level = 'kabupaten' AND kode_bps = '6106'"));
        Assert.Equal("52.03.20", await db.ScalarAsync<string>("SELECT kode_kemendagri FROM desagis.code_crosswalk WHERE level = 'kecamatan' AND kode_bps = '5203011'"));

        var poverty = await ImportAsync("abesttar_kemiskinan_kabkota/kemiskinan_kabkota_52_61_63_dengan_kode.csv", null, "kemiskinan", 2021);
        Assert.Equal((37, 0), (poverty.RowsRead, poverty.Rejected));
        foreach (var (kode, p0) in new[] { ("63.04", 5.11), ("61.06", 8.93), ("61.04", 10.13), ("52.03", 15.38) })
            Assert.Equal(p0, await db.ScalarAsync<double>("SELECT poverty_rate FROM desagis.kabupaten_indicator WHERE kabupaten_kode = $1 AND year = 2021", kode));

        // The table's own Kemendagri column gives the same rows.
        var direct = await ImportAsync("abesttar_kemiskinan_kabkota/kemiskinan_kabkota_52_61_63_dengan_kode.csv", null, "kemiskinan-kemendagri", 2021);
        Assert.Equal((37, 0, 0, 0), (direct.Unchanged, direct.Inserted, direct.Updated, direct.Rejected));
    }

    [GeodataFact]
    public async Task The_IDM_table_loads_every_village_and_year()
    {
        var report = await ImportAsync("andifahruddinakas_api-idm/idm_desa_52_61_63_2021_2024.csv", null, "idm");

        Assert.Equal((318, 0), (report.RowsRead, report.Rejected));
        Assert.Equal(80, await db.ScalarAsync<long>("SELECT count(DISTINCT desa_kode) FROM desagis.village_indicator WHERE idm_score IS NOT NULL"));
        Assert.Equal("80,80,79,79", await db.ScalarAsync<string>(
            "SELECT string_agg(n::text, ',' ORDER BY year) FROM (SELECT year, count(*) n FROM desagis.village_indicator WHERE idm_status IS NOT NULL GROUP BY year) y"));
        Assert.Equal("MANDIRI", await db.ScalarAsync<string>("SELECT idm_status FROM desagis.village_indicator WHERE desa_kode = '52.03.02.2001' AND year = 2024"));
        Assert.Equal(0.81904761904762, await db.ScalarAsync<double>("SELECT idm_score FROM desagis.village_indicator WHERE desa_kode = '52.03.02.2001' AND year = 2024"), 12);
        Assert.Equal("BERKEMBANG", await db.ScalarAsync<string>("SELECT idm_status FROM desagis.village_indicator WHERE desa_kode = '52.03.02.2001' AND year = 2021"));
    }

    [GeodataFact]
    public async Task The_transmigration_villages_become_settlement_areas_of_kind_SP()
    {
        await ImportAsync("cahyadsn_wilayah_boundaries/desa_6106_kapuas_hulu.geojson", ImportTarget.Desa);

        var report = await ImportAsync("kamilramadhan_kawasan_transmigrasi/desa_transmigrasi_sibarduktrans_big2023.geojson", null, "transmigrasi-desa");

        // 131 features for 130 villages: the repeated one is reported, the later feature kept; 82.06.01.2006 is repaired.
        Assert.Equal((131, 1, 1), (report.RowsRead, report.Rejected, report.Repaired));
        Assert.Equal(130, report.Inserted + report.Updated + report.Unchanged);
        Assert.Equal(130, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.transmigration_area WHERE kind = 'SP'"));
        Assert.Equal(130, await db.ScalarAsync<long>("SELECT count(DISTINCT desa_kode) FROM desagis.transmigration_area_village"));
        foreach (var kode in new[] { "61.06.03.2002", "61.06.18.2003", "61.06.19.2002" })
        {
            Assert.Equal("SP", await db.ScalarAsync<string>(
                "SELECT a.kind FROM desagis.transmigration_area a JOIN desagis.transmigration_area_village v ON v.area_id = a.id WHERE v.desa_kode = $1", kode));
            Assert.True(await db.ScalarAsync<bool>("SELECT in_transmigration_area FROM desagis.village_summary WHERE kode = $1", kode));
        }
        Assert.Equal(3, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.village_summary WHERE kode LIKE '61.06.%' AND in_transmigration_area"));
    }
}
