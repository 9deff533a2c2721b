using System.Net;
using System.Text.Json;
using DesaGis.Data.Import;
using DesaGis.Data.Outlines;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Geodata;

/// <summary>Kecamatan and kabupaten outlines against their villages, on the real boundaries of ../shared/geodata.</summary>
public class OutlineTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private Task<ImportReport> ImportAsync(string relativePath, ImportTarget target, ImportOutlines outlines = ImportOutlines.Check) =>
        new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = SharedGeodata.File(relativePath), Target = target, Outlines = outlines });

    [GeodataFact]
    public async Task Importing_the_real_villages_reports_the_coarse_kecamatan_and_building_outlines_makes_them_contain_their_villages()
    {
        await ImportAsync("cahyadsn_wilayah_boundaries/kabupaten_kota_52_61_63.geojson", ImportTarget.Kabupaten);
        var kecamatan = await ImportAsync("cahyadsn_wilayah_boundaries/kecamatan_52_61_63.geojson", ImportTarget.Kecamatan);
        Assert.Equal(0, kecamatan.Outlines!.Compared); // no village polygons yet: nothing to compare with

        var desa = await ImportAsync("cahyadsn_wilayah_boundaries/desa_5203_lombok_timur.geojson", ImportTarget.Desa);
        var sakra = Assert.Single(desa.Outlines!.Mismatches, m => m.Kode == "52.03.02");
        Assert.Equal((OutlineLevel.Kecamatan, "Sakra", 12, 12, 857), (sakra.Level, sakra.Nama, sakra.Villages, sakra.OutlineVertices, sakra.VillageVertices));
        Assert.InRange(sakra.ShareOutside!.Value, 0.065, 0.08);
        Assert.Contains("Sakra", sakra.ToString());
        Assert.Contains("7.3 %", sakra.ToString());
        Assert.Equal(22, desa.Outlines.Compared); // 21 kecamatan and the kabupaten
        Assert.Equal(0, desa.Outlines.Built);

        // Build: every kecamatan and the kabupaten of Lombok Timur become the union of their villages.
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            var built = await OutlineBuilder.BuildAsync(conn, ["52.03"], CancellationToken.None);
            Assert.Equal(22, built.Built);
            Assert.Contains(built.Mismatches, m => m.Kode == "52.03.02");
            var after = await OutlineBuilder.CheckAsync(conn, ["52.03"], CancellationToken.None);
            Assert.Empty(after.Mismatches);
        }
        // Each village lies inside its kecamatan and kabupaten outline (less than 1 m² outside, for floating point).
        Assert.Equal(0, await db.ScalarAsync<long>(
            """
            SELECT count(*) FROM desagis.desa d
              JOIN desagis.kecamatan k ON k.kode = d.kecamatan_kode
              JOIN desagis.kabupaten b ON b.kode = d.kabupaten_kode
             WHERE d.kabupaten_kode = '52.03'
               AND (ST_Area(ST_Difference(d.geom, k.geom)::geography) > 1 OR ST_Area(ST_Difference(d.geom, b.geom)::geography) > 1)
            """));
        Assert.Equal(254, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa d JOIN desagis.kecamatan k ON k.kode = d.kecamatan_kode WHERE d.kabupaten_kode = '52.03' AND ST_Intersects(k.geom, ST_PointOnSurface(d.geom))"));
        Assert.Equal(857, await db.ScalarAsync<long>("SELECT sum(ST_NPoints(geom)) FROM desagis.desa WHERE kecamatan_kode = '52.03.02'"));
        Assert.True(await db.ScalarAsync<long>("SELECT ST_NPoints(geom) FROM desagis.kecamatan WHERE kode = '52.03.02'") > 12);
        // Kecamatan of other regencies, without villages here, keep their own outlines.
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kecamatan WHERE kode LIKE '63.04.%' AND updated_at > (SELECT max(started_at) FROM desagis.import_run WHERE target = 'kecamatan')"));
    }

    [GeodataFact]
    public async Task The_import_option_builds_outlines_from_the_villages_in_the_same_transaction()
    {
        await ImportAsync("cahyadsn_wilayah_boundaries/kecamatan_52_61_63.geojson", ImportTarget.Kecamatan);
        var desa = await ImportAsync("cahyadsn_wilayah_boundaries/desa_6304_barito_kuala.geojson", ImportTarget.Desa, ImportOutlines.Build);
        Assert.True(desa.Outlines!.Built >= 17, $"built {desa.Outlines.Built}");
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.Empty((await OutlineBuilder.CheckAsync(conn, ["63.04"], CancellationToken.None)).Mismatches);
    }
}

/// <summary>A polygon layer serves only areas that have a polygon: a kabupaten known from a code list alone is not a feature.</summary>
public class NullGeometryTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    [Fact]
    public async Task A_kabupaten_without_a_boundary_is_not_served_as_a_feature_of_the_polygon_layer()
    {
        await db.ExecuteAsync(
            """
            INSERT INTO desagis.provinsi (kode, nama) VALUES ('63', 'Kalimantan Selatan');
            INSERT INTO desagis.kabupaten (kode, nama, geom) VALUES
                ('63.04', 'Kabupaten Barito Kuala', ST_Multi(ST_MakeEnvelope(114.3, -3.4, 114.8, -2.6, 4326))),
                ('63.05', 'Kabupaten Tapin', NULL), ('63.06', 'Kabupaten Hulu Sungai Selatan', NULL);
            """);
        await using var server = new DesaGisServer(db);
        using var client = await server.CreateReadyClientAsync();

        using var page = JsonDocument.Parse(await client.GetStringAsync("/collections/kabupaten/items?limit=100"));
        var features = page.RootElement.GetProperty("features").EnumerateArray().ToList();
        var only = Assert.Single(features);
        Assert.Equal("63.04", only.GetProperty("id").GetString());
        Assert.Equal("MultiPolygon", only.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(1, page.RootElement.GetProperty("numberMatched").GetInt32());

        using var missing = await client.GetAsync("/collections/kabupaten/items/63.05");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var present = await client.GetAsync("/collections/kabupaten/items/63.04");
        Assert.Equal(HttpStatusCode.OK, present.StatusCode);
    }

    [GeodataFact]
    public async Task After_the_national_code_list_only_the_kabupaten_with_polygons_are_served()
    {
        var importer = new Importer(db.DataSource);
        await importer.ImportAsync(new ImportRequest { Path = SharedGeodata.File("cahyadsn_wilayah/wilayah_indonesia_prov_kabkota.csv"), Target = ImportTarget.Provinsi });
        await importer.ImportAsync(new ImportRequest { Path = SharedGeodata.File("cahyadsn_wilayah/wilayah_indonesia_prov_kabkota.csv"), Target = ImportTarget.Kabupaten });
        await importer.ImportAsync(new ImportRequest { Path = SharedGeodata.File("cahyadsn_wilayah_boundaries/kabupaten_kota_52_61_63.geojson"), Target = ImportTarget.Kabupaten });
        long listed = await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kabupaten");
        long drawn = await db.ScalarAsync<long>("SELECT count(*) FROM desagis.kabupaten WHERE geom IS NOT NULL");
        Assert.True(listed > 500 && drawn >= 37 && drawn < listed, $"{listed} listed, {drawn} with a polygon");

        await using var server = new DesaGisServer(db);
        using var client = await server.CreateReadyClientAsync();
        using var page = JsonDocument.Parse(await client.GetStringAsync("/collections/kabupaten/items?limit=1000"));
        var features = page.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(drawn, features.Count);
        Assert.All(features, f => Assert.Equal(JsonValueKind.Object, f.GetProperty("geometry").ValueKind));
        Assert.Equal(drawn, page.RootElement.GetProperty("numberMatched").GetInt64());
    }
}
