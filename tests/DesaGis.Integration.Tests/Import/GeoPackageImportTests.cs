using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>GeoPackages, with the CRS read from gpkg_spatial_ref_sys rather than the blobs (which say SRID -1).</summary>
public class GeoPackageImportTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_DGN95_layer_is_stored_as_PostGIS_transforms_it()
    {
        const string wkt = "MULTIPOLYGON(((112.5 -1.5,112.52 -1.5,112.52 -1.48,112.5 -1.48,112.5 -1.5)))";
        var gpkg = _files.GeoPackage("dgn95.gpkg", "kecamatan dgn95", 4755, [("61.06.01", "Kecamatan \"DGN\" 95", ImportFiles.Wkt(wkt))]);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = gpkg, Target = ImportTarget.Kecamatan });

        Assert.Equal("EPSG:4755", report.SourceCrs);
        Assert.Equal(1, report.Inserted);
        Assert.Equal("Kecamatan \"DGN\" 95", await db.ScalarAsync<string>("SELECT nama FROM desagis.kecamatan WHERE kode = $1", "61.06.01"));
        Assert.InRange(await db.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_Transform(ST_GeomFromText($2, 4755), 4326)) FROM desagis.kecamatan WHERE kode = $1", "61.06.01", wkt), 0, 1e-9);
    }

    [Fact]
    public async Task A_UTM_layer_is_reprojected_and_a_layer_is_chosen_by_name()
    {
        const string wkt = "MULTIPOLYGON(((700000 9100000,702000 9100000,702000 9102000,700000 9102000,700000 9100000)))";
        var gpkg = _files.GeoPackage("utm.gpkg", "batas_kab", 32750, [("52.03", "Kabupaten Lombok Timur", ImportFiles.Wkt(wkt))]);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = gpkg, Target = ImportTarget.Kabupaten, Layer = "BATAS_KAB" });

        Assert.Equal("EPSG:32750", report.SourceCrs);
        Assert.Equal(1, report.Inserted);
        Assert.Equal("kabupaten", await db.ScalarAsync<string>("SELECT jenis FROM desagis.kabupaten WHERE kode = $1", "52.03"));
        Assert.InRange(await db.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_Transform(ST_GeomFromText($2, 32750), 4326)) FROM desagis.kabupaten WHERE kode = $1", "52.03", wkt), 0, 1e-8);
        var refused = await Assert.ThrowsAsync<ImportException>(() =>
            new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = gpkg, Target = ImportTarget.Kabupaten, Layer = "tidak_ada" }));
        Assert.Contains("batas_kab", refused.Message);
    }
}
