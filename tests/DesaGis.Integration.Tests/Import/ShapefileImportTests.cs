using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>Shapefiles, plain and zipped, with the CRS taken from the .prj.</summary>
public class ShapefileImportTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    // As ArcGIS writes it (ESRI WKT, no EPSG code): the zone has to be recognised by name.
    private const string Utm49SPrj =
        "PROJCS[\"WGS_1984_UTM_Zone_49S\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
        "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0]," +
        "PARAMETER[\"False_Northing\",10000000.0],PARAMETER[\"Central_Meridian\",111.0],PARAMETER[\"Scale_Factor\",0.9996]," +
        "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_UTM_shapefile_is_reprojected_from_its_prj_and_keeps_non_ASCII_names()
    {
        const string wkt = "POLYGON((480000 9800000,482000 9800000,482000 9802500,480000 9802500,480000 9800000))";
        var shp = _files.Shapefile("desa utm", [("61.04.01.2001", "Sungai Ñ 'Besar'", ImportFiles.Wkt(wkt, 32749))], Utm49SPrj);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest
        {
            Path = shp, Target = ImportTarget.Desa, FieldMap = new Dictionary<string, string> { ["kode"] = "KDEPUM", ["nama"] = "NAMOBJ" },
        });

        Assert.Equal("EPSG:32749", report.SourceCrs);
        Assert.Equal(1, report.Inserted);
        Assert.Equal("Sungai Ñ 'Besar'", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = $1", "61.04.01.2001"));
        Assert.InRange(await db.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_Transform(ST_GeomFromText($2, 32749), 4326)) FROM desagis.desa WHERE kode = $1", "61.04.01.2001", wkt), 0, 1e-8);
        // The area is computed on the ellipsoid: 2 km × 2.5 km in UTM is about 5 km².
        Assert.Equal(5.0, await db.ScalarAsync<double>("SELECT area_km2 FROM desagis.desa WHERE kode = $1", "61.04.01.2001"), 1);
    }

    [Fact]
    public async Task A_zipped_shapefile_is_read_and_the_aliases_find_KDEPUM_and_NAMOBJ()
    {
        var shp = _files.Shapefile("desa_zip", [
            ("61.04.02.2001", "Zip Satu", ImportFiles.Wkt("POLYGON((110 -2,110.01 -2,110.01 -1.99,110 -1.99,110 -2))")),
            ("61.04.02.2002", "Zip Dua", ImportFiles.Wkt("POLYGON((110.02 -2,110.03 -2,110.03 -1.99,110.02 -1.99,110.02 -2))")),
        ], prjWkt: null);
        var zip = _files.Zip(shp, "desa.zip");

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = zip, Target = ImportTarget.Desa });

        Assert.Equal(ImportTarget.Desa, report.Target);
        Assert.Equal(2, report.Inserted);
        Assert.Equal("KDEPUM", report.Mapping["kode"]);
        Assert.Equal("Zip Dua", await db.ScalarAsync<string>("SELECT nama FROM desagis.desa WHERE kode = $1", "61.04.02.2002"));

        // An upload stored under a temporary name: the format comes from the original name, the zip from its content.
        var upload = Path.Combine(_files.Directory, "upload-3f2a.tmp");
        File.Copy(zip, upload);
        var again = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = upload, SourceName = "desa.zip", Target = ImportTarget.Desa });
        Assert.Equal(2, again.Unchanged);
        Assert.Equal("desa.zip", await db.ScalarAsync<string>("SELECT source_name FROM desagis.import_run WHERE id = $1", again.RunId!.Value));
    }

    [Fact]
    public async Task A_DGN95_UTM_shapefile_given_with_srs_agrees_with_PostGIS()
    {
        // DGN95 / UTM zone 50S (EPSG:23880): the national datum, on the WGS 84 ellipsoid with no shift.
        const string wkt = "POLYGON((250000 9660000,251000 9660000,251000 9661000,250000 9661000,250000 9660000))";
        var shp = _files.Shapefile("dgn95", [("63.04.06.2001", "DGN95 UTM", ImportFiles.Wkt(wkt, 23880))], prjWkt: null);

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = shp, Target = ImportTarget.Desa, SourceCrs = "EPSG:23880" });

        Assert.Equal(1, report.Inserted);
        Assert.InRange(await db.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_Transform(ST_GeomFromText($2, 23880), 4326)) FROM desagis.desa WHERE kode = $1", "63.04.06.2001", wkt), 0, 1e-8);

        // The same data with the .prj ArcGIS writes for DGN95 / UTM 50S: the zone and datum are recognised by name.
        const string dgn95Prj =
            "PROJCS[\"DGN_1995_UTM_Zone_50S\",GEOGCS[\"GCS_DGN_1995\",DATUM[\"D_Datum_Geodesi_Nasional_1995\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
            "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0]," +
            "PARAMETER[\"False_Northing\",10000000.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",0.9996]," +
            "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        var withPrj = _files.Shapefile("dgn95 prj", [("63.04.06.2002", "DGN95 PRJ", ImportFiles.Wkt(wkt, 23880))], dgn95Prj);
        var fromPrj = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = withPrj, Target = ImportTarget.Desa });
        Assert.Equal("EPSG:23880", fromPrj.SourceCrs);
        Assert.InRange(await db.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_Transform(ST_GeomFromText($2, 23880), 4326)) FROM desagis.desa WHERE kode = $1", "63.04.06.2002", wkt), 0, 1e-8);
    }
}
