using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using DesaGis.Core.Tiles;
using Microsoft.Data.Sqlite;

namespace DesaGis.Integration.Tests.Tiles;

public class MbtilesExportTests(TileServerFixture fixture) : IClassFixture<TileServerFixture>
{
    private async Task<(int Exit, string Output)> RunCliAsync(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "desagis.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(cli);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Only the child process sees this database; the test process's environment stays untouched.
        psi.Environment["DESAGIS_DATABASE"] = fixture.Database.ConnectionString;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task An_exported_MBTiles_file_has_the_metadata_and_tiles_that_QGIS_and_GDAL_read()
    {
        var file = Path.Combine(Path.GetTempPath(), $"desagis-{Guid.NewGuid():N}.mbtiles");
        try
        {
            var (exit, output) = await RunCliAsync("tiles", "export", "--bbox", "114.45,-3.1,114.65,-2.95", "--zooms", "8-12",
                "--layers", "village_indicators,kecamatan", file);
            Assert.True(exit == 0, output);
            Assert.Contains("Wrote", output);

            await using (var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False"))
            {
                await db.OpenAsync();
                var meta = new Dictionary<string, string>();
                await using (var cmd = db.CreateCommand())
                {
                    cmd.CommandText = "SELECT name, value FROM metadata";
                    await using var r = await cmd.ExecuteReaderAsync();
                    while (await r.ReadAsync()) meta[r.GetString(0)] = r.GetString(1);
                }
                Assert.Equal("pbf", meta["format"]);
                Assert.Equal("8", meta["minzoom"]);
                Assert.Equal("12", meta["maxzoom"]);
                Assert.Equal(4, meta["bounds"].Split(',').Length);
                Assert.Equal(3, meta["center"].Split(',').Length);
                using var json = JsonDocument.Parse(meta["json"]);
                Assert.Equal(new[] { "village_indicators", "kecamatan" },
                    json.RootElement.GetProperty("vector_layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()!).ToArray());

                // Rows are TMS (counted from the south) and tiles are gzip-compressed MVT.
                var t = WebMercator.TileAt(TileTestData.Centre(1, 1).Lon, TileTestData.Centre(1, 1).Lat, 11);
                await using var tileCmd = db.CreateCommand();
                tileCmd.CommandText = "SELECT tile_data FROM tiles WHERE zoom_level = 11 AND tile_column = $x AND tile_row = $y";
                tileCmd.Parameters.AddWithValue("$x", t.X);
                tileCmd.Parameters.AddWithValue("$y", t.TmsY);
                var gz = (byte[])(await tileCmd.ExecuteScalarAsync())!;
                Assert.Equal(0x1f, gz[0]);
                using var unzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
                using var mvt = new MemoryStream();
                await unzip.CopyToAsync(mvt);
                var vt = TileDecoding.Decode(mvt.ToArray(), t);
                Assert.Contains(vt.Layers.Single(l => l.Name == "village_indicators").Features, f => (string)f.Attributes["kode"] == TileTestData.Kode(1, 1));
            }

            var report = await TileDecoding.RunAsync("ogrinfo", "-ro", "-al", "-so", file);
            Assert.Contains("driver `MBTiles'", report.Replace("using driver", "driver", StringComparison.Ordinal));
            Assert.Contains("Layer name: village_indicators", report);
            Assert.Contains("Layer name: kecamatan", report);
            var features = await TileDecoding.RunAsync("ogrinfo", "-ro", "-oo", "ZOOM_LEVEL=12", file, "village_indicators");
            Assert.Contains("nama (String) = " + TileTestData.QuotedName, features);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_refuses_a_bad_zoom_range_with_a_helpful_message()
    {
        var (exit, output) = await RunCliAsync("tiles", "export", "--bbox", "114.45,-3.1,114.65,-2.95", "--zooms", "12-8", "x.mbtiles");
        Assert.NotEqual(0, exit);
        Assert.Contains("zoom range", output);
    }
}
