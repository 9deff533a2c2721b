using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>GeoJSON into desa: hostile names, broken and empty geometries, the antimeridian, UTM coordinates.</summary>
public class GeoJsonImportTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Dictionary<string, object?> Props(string kode, string nama) => new() { ["kode"] = kode, ["nama"] = nama };

    [Fact]
    public async Task Names_with_quotes_spaces_and_non_ASCII_arrive_unchanged()
    {
        const string hostile = "Desa \"Kampung\" O'Brien;  DROP TABLE x -- Ñusa 東 Tenggara";
        var path = _files.GeoJson("hostile names.geojson",
        [
            ImportFiles.Feature(Props("63.04.01.2901", hostile), ImportFiles.PolygonJson(ImportFiles.Square(114.0, -3.0, 0.01))),
            ImportFiles.Feature(Props("6304012902", "  Sungai Punggu Baru "), ImportFiles.PolygonJson(ImportFiles.Square(114.02, -3.0, 0.01))),
        ]);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.Desa });

        Assert.Equal(2, report.Inserted);
        Assert.Empty(report.Rejections);
        Assert.Equal(hostile, await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = $1", "63.04.01.2901"));
        // The 10-digit code is stored dotted, and the source's trailing space is not part of the name.
        Assert.Equal("Sungai Punggu Baru", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = $1", "63.04.01.2902"));
        Assert.Equal("desa", await db.ScalarAsync<string>("SELECT jenis FROM desagis.desa WHERE kode = $1", "63.04.01.2902"));
        Assert.Equal("MultiPolygon", await db.ScalarAsync<string>("SELECT GeometryType(geom) FROM desagis.desa WHERE kode = $1", "63.04.01.2901"), ignoreCase: true);
        Assert.Equal(hostile, await db.ScalarAsync<string>("SELECT d.nama FROM desagis.village_summary s JOIN desagis.desa d USING (kode) WHERE s.kode = $1", "63.04.01.2901"));
    }

    [Fact]
    public async Task Invalid_geometries_are_repaired_and_unusable_rows_are_reported_with_their_feature_number()
    {
        var path = _files.GeoJson("dirty.geojson",
        [
            // 1: a bow-tie (self-intersecting ring): repairable into two triangles.
            ImportFiles.Feature(Props("63.04.02.2001", "Bowtie"), ImportFiles.PolygonJson((114.0, -3.0), (114.1, -2.9), (114.1, -3.0), (114.0, -2.9), (114.0, -3.0))),
            // 2: an empty polygon.
            ImportFiles.Feature(Props("63.04.02.2002", "Kosong"), "{\"type\":\"Polygon\",\"coordinates\":[]}"),
            // 3: no geometry at all.
            ImportFiles.Feature(Props("63.04.02.2003", "Tanpa geometri"), "null"),
            // 4: a ring whose points are on one line: nothing of it has an area.
            ImportFiles.Feature(Props("63.04.02.2004", "Garis"), ImportFiles.PolygonJson((114.0, -3.0), (114.1, -3.0), (114.2, -3.0), (114.0, -3.0))),
            // 5: a point where a polygon is needed.
            ImportFiles.Feature(Props("63.04.02.2005", "Titik"), "{\"type\":\"Point\",\"coordinates\":[114.0,-3.0]}"),
            // 6: a malformed code.
            ImportFiles.Feature(Props("63.04.2.2006", "Kode salah"), ImportFiles.PolygonJson(ImportFiles.Square(114.3, -3.0, 0.01))),
            // 7: no name.
            ImportFiles.Feature(Props("63.04.02.2007", ""), ImportFiles.PolygonJson(ImportFiles.Square(114.4, -3.0, 0.01))),
            // 8: fine.
            ImportFiles.Feature(Props("63.04.02.2008", "Baik"), ImportFiles.PolygonJson(ImportFiles.Square(114.5, -3.0, 0.01))),
        ]);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.Desa });

        Assert.Equal(8, report.RowsRead);
        Assert.Equal(2, report.Inserted);
        Assert.Equal(1, report.Repaired);
        var reasons = report.Rejections.ToDictionary(r => r.Location, r => r.Reason);
        Assert.Equal(["feature 2", "feature 3", "feature 4", "feature 5", "feature 6", "feature 7"], reasons.Keys);
        Assert.Contains("empty geometry", reasons["feature 2"]);
        Assert.Contains("no geometry", reasons["feature 3"]);
        Assert.Contains("could not be repaired", reasons["feature 4"]);
        Assert.Contains("Point", reasons["feature 5"]);
        Assert.Contains("63.04.2.2006", reasons["feature 6"]);
        Assert.Contains("nama", reasons["feature 7"]);

        Assert.True(await db.ScalarAsync<bool>("SELECT ST_IsValid(geom) FROM desagis.desa WHERE kode = $1", "63.04.02.2001"));
        Assert.Equal(2, await db.ScalarAsync<int>("SELECT ST_NumGeometries(geom) FROM desagis.desa WHERE kode = $1", "63.04.02.2001"));
        Assert.Equal(0.005, await db.ScalarAsync<double>("SELECT ST_Area(geom) FROM desagis.desa WHERE kode = $1", "63.04.02.2001"), 9);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE kode LIKE '63.04.02.200%' AND kode NOT IN ('63.04.02.2001', '63.04.02.2008')"));
        var run = await db.ScalarAsync<string>("SELECT rows_read || '/' || inserted || '/' || repaired || '/' || rejected FROM desagis.import_run WHERE id = $1", report.RunId!.Value);
        Assert.Equal("8/2/1/6", run);
    }

    [Fact]
    public async Task A_polygon_across_the_antimeridian_is_split_into_one_part_on_each_side()
    {
        // Written the RFC 7946-violating way many tools do: the ring jumps from +179.5 to -179.5.
        var path = _files.GeoJson("fiji.geojson",
        [
            ImportFiles.Feature(Props("99.01.01.2001", "Lintas Antimeridian"), ImportFiles.PolygonJson((179.5, -16.0), (-179.5, -16.0), (-179.5, -17.0), (179.5, -17.0), (179.5, -16.0))),
            // Written with longitudes beyond 180.
            ImportFiles.Feature(Props("99.01.01.2002", "Melewati 180"), ImportFiles.PolygonJson((179.0, -18.0), (181.0, -18.0), (181.0, -19.0), (179.0, -19.0), (179.0, -18.0))),
        ]);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.Desa });

        Assert.Equal(2, report.Inserted);
        Assert.Equal(2, report.Repaired);
        foreach (var (kode, area) in new[] { ("99.01.01.2001", 1.0), ("99.01.01.2002", 2.0) })
        {
            Assert.Equal(2, await db.ScalarAsync<int>("SELECT ST_NumGeometries(geom) FROM desagis.desa WHERE kode = $1", kode));
            Assert.Equal(-180.0, await db.ScalarAsync<double>("SELECT ST_XMin(geom) FROM desagis.desa WHERE kode = $1", kode), 9);
            Assert.Equal(180.0, await db.ScalarAsync<double>("SELECT ST_XMax(geom) FROM desagis.desa WHERE kode = $1", kode), 9);
            // Nothing is lost: the parts add up to the original 1°×1° (or 2°×1°) cell, not a band around the globe.
            Assert.Equal(area, await db.ScalarAsync<double>("SELECT ST_Area(geom) FROM desagis.desa WHERE kode = $1", kode), 9);
        }
    }

    [Fact]
    public async Task UTM_coordinates_named_by_the_crs_member_are_reprojected_like_PostGIS_does()
    {
        const string utmWkt = "POLYGON((300000 9650000,301500 9650000,301500 9651200,300000 9651200,300000 9650000))";
        var path = _files.GeoJson("utm50s.geojson",
            [ImportFiles.Feature(Props("63.04.03.2001", "UTM 50S"), "{\"type\":\"Polygon\",\"coordinates\":[[[300000,9650000],[301500,9650000],[301500,9651200],[300000,9651200],[300000,9650000]]]}")],
            crs: "urn:ogc:def:crs:EPSG::32750");

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.Desa });

        Assert.Equal("EPSG:32750", report.SourceCrs);
        Assert.Equal(1, report.Inserted);
        var distance = await db.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_Transform(ST_GeomFromText($2, 32750), 4326)) FROM desagis.desa WHERE kode = $1", "63.04.03.2001", utmWkt);
        Assert.InRange(distance, 0, 1e-8);
        Assert.InRange(await db.ScalarAsync<double>("SELECT ST_X(ST_StartPoint(ST_ExteriorRing(ST_GeometryN(geom, 1)))) FROM desagis.desa WHERE kode = $1", "63.04.03.2001"), 115.0, 115.5);
    }

    [Fact]
    public async Task Coordinates_that_are_not_lon_lat_are_rejected_with_a_hint_to_give_the_CRS()
    {
        var path = _files.GeoJson("utm-without-crs.geojson",
            [ImportFiles.Feature(Props("63.04.03.2002", "Tanpa CRS"), ImportFiles.PolygonJson(ImportFiles.Square(300000, 9650000, 1000)))]);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.Desa });

        var rejection = Assert.Single(report.Rejections);
        Assert.Equal("feature 1", rejection.Location);
        Assert.Contains("--srs", rejection.Reason);
    }

    [Fact]
    public async Task A_field_mapping_reads_other_column_names()
    {
        var path = _files.GeoJson("big.geojson",
        [
            ImportFiles.Feature(new Dictionary<string, object?> { ["KDEPUM"] = "63.04.05.1001", ["NAMOBJ"] = "Kelurahan Peta", ["Nama Lain"] = "x" },
                ImportFiles.PolygonJson(ImportFiles.Square(114.6, -3.0, 0.01))),
        ]);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest
        {
            Path = path, Target = ImportTarget.Desa, FieldMap = new Dictionary<string, string> { ["nama"] = "NAMOBJ", ["kode"] = "KDEPUM" },
        });

        Assert.Equal(1, report.Inserted);
        Assert.Equal("Kelurahan Peta", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = $1", "63.04.05.1001"));
        Assert.Equal("kelurahan", await db.ScalarAsync<string>("SELECT jenis FROM desagis.desa WHERE kode = $1", "63.04.05.1001"));
        var refused = await Assert.ThrowsAsync<ImportException>(() => new Importer(db.DataSource).ImportAsync(new ImportRequest
        {
            Path = path, Target = ImportTarget.Desa, FieldMap = new Dictionary<string, string> { ["nama"] = "NAMA_DESA" },
        }));
        Assert.Contains("NAMA_DESA", refused.Message);
    }
}
