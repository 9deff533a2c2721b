using System.Globalization;
using DesaGis.Data.Import;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>Every UTM zone over Indonesia, on WGS 84 and on DGN95, agrees with PostGIS's ST_Transform.</summary>
public class ReprojectionTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<int> IndonesianUtmZones()
    {
        var data = new TheoryData<int>();
        for (int zone = 46; zone <= 54; zone++) { data.Add(32600 + zone); data.Add(32700 + zone); }
        for (int srid = 23866; srid <= 23872; srid++) data.Add(srid);   // DGN95 / UTM 46N–52N
        for (int srid = 23877; srid <= 23884; srid++) data.Add(srid);   // DGN95 / UTM 47S–54S
        return data;
    }

    [Theory]
    [MemberData(nameof(IndonesianUtmZones))]
    public async Task A_polygon_in_a_UTM_zone_lands_where_ST_Transform_puts_it(int srid)
    {
        bool south = srid is >= 32700 and < 32800 or >= 23877;
        double y = south ? 9_890_000 : 110_000;
        var wkt = string.Create(CultureInfo.InvariantCulture, $"POLYGON((495000 {y},505000 {y},505000 {y + 8000},495000 {y + 8000},495000 {y}))");
        var kode = $"99.{srid / 100 % 100:00}.{srid % 100:00}.2001";
        var path = _files.Text($"utm {srid}.csv", $"kode,nama,wkt\n{kode},Zona {srid},\"{wkt}\"\n");

        var report = await new Importer(db.DataSource).ImportAsync(new ImportRequest { Path = path, Target = ImportTarget.Desa, SourceCrs = $"EPSG:{srid}" });

        Assert.Equal(1, report.Inserted + report.Updated + report.Unchanged);
        Assert.InRange(await db.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_Transform(ST_GeomFromText($2, $3), 4326)) FROM desagis.desa WHERE kode = $1", kode, wkt, srid), 0, 1e-8);
    }
}
