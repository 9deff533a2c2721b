using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DesaGis.Integration.Tests.Features;

/// <summary>
/// GDAL's OGC API Features client (Debian gdal-bin, "OAPIF:") against the real server on a real port: what QGIS
/// and every GDAL-based tool will see.
/// </summary>
public partial class GdalTests(FeaturesFixture f) : IClassFixture<FeaturesFixture>
{

    [Fact]
    public async Task Ogrinfo_lists_every_collection_and_counts_what_the_database_holds()
    {
        var listing = await RunAsync("ogrinfo", "-ro", "-so", "OAPIF:" + f.Server.BaseUri);
        foreach (var id in FeaturesFixture.CountSql.Keys)
            Assert.Matches(new Regex(@"^\d+: " + Regex.Escape(id) + @" \(", RegexOptions.Multiline), listing);

        foreach (var (id, sql) in FeaturesFixture.CountSql)
        {
            var summary = await RunAsync("ogrinfo", "-ro", "-so", "OAPIF:" + f.Server.BaseUri, id);
            var count = FeatureCount().Match(summary);
            Assert.True(count.Success, $"ogrinfo gave no feature count for {id}:\n{summary}");
            Assert.Equal(await f.CountAsync(sql), long.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Ogr2ogr_downloads_a_filtered_collection_into_a_GeoPackage()
    {
        var dir = Directory.CreateTempSubdirectory("desagis-gdal-");
        try
        {
            var gpkg = Path.Combine(dir.FullName, "out.gpkg");
            await RunAsync("ogr2ogr", "-f", "GPKG", gpkg, "OAPIF:" + f.Server.Url("/collections/village_indicators"),
                "-where", "kecamatan_kode = '63.04.01' AND poverty_rate > 10", "-nln", "villages");
            var expected = await f.CountAsync("SELECT count(*) FROM desagis.village_indicators WHERE kecamatan_kode = '63.04.01' AND poverty_rate > 10");
            Assert.True(expected > 10);
            await using var conn = new SqliteConnection($"Data Source={gpkg};Mode=ReadOnly;Pooling=False");
            await conn.OpenAsync();
            await using (var count = conn.CreateCommand())
            {
                count.CommandText = "SELECT count(*), min(poverty_rate), count(DISTINCT kecamatan_kode) FROM villages";
                await using var reader = await count.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(expected, reader.GetInt64(0));
                Assert.True(reader.GetDouble(1) > 10);
                Assert.Equal(1, reader.GetInt64(2));
            }
            await using (var names = conn.CreateCommand())
            {
                // The hostile names survive the round trip through GDAL.
                names.CommandText = "SELECT nama FROM villages WHERE kode IN ('63.04.01.2001', '63.04.01.2003', '63.04.01.2004') ORDER BY kode";
                await using var reader = await names.ExecuteReaderAsync();
                var got = new List<string>();
                while (await reader.ReadAsync()) got.Add(reader.GetString(0));
                var expectedNames = new List<string>();
                foreach (var kode in new[] { "63.04.01.2001", "63.04.01.2003", "63.04.01.2004" })
                    if (await f.CountAsync("SELECT count(*) FROM desagis.village_indicators WHERE kode = $1 AND poverty_rate > 10", kode) == 1)
                        expectedNames.Add(FeaturesFixture.HostileNames[kode]);
                Assert.Equal(expectedNames, got);
            }
            await using (var srs = conn.CreateCommand())
            {
                srs.CommandText = "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'villages'";
                Assert.Equal(4326L, Convert.ToInt64(await srs.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Ogr2ogr_follows_the_next_links_through_a_whole_layer()
    {
        var dir = Directory.CreateTempSubdirectory("desagis-gdal-");
        try
        {
            var gpkg = Path.Combine(dir.FullName, "all.gpkg");
            await RunAsync("ogr2ogr", "-f", "GPKG", gpkg, "OAPIF:" + f.Server.BaseUri, "villages", "-oo", "PAGE_SIZE=250");
            await using var conn = new SqliteConnection($"Data Source={gpkg};Mode=ReadOnly;Pooling=False");
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT count(*), count(DISTINCT kode) FROM villages";
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(FeaturesFixture.Villages, reader.GetInt64(0));
            Assert.Equal(FeaturesFixture.Villages, reader.GetInt64(1));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // No proxy and no cache: GDAL must talk to this server and nothing else.
        psi.Environment["GDAL_HTTP_PROXY"] = "";
        psi.Environment["no_proxy"] = "127.0.0.1,localhost";
        psi.Environment["CPL_VSIL_CURL_USE_CACHE"] = "NO";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} could not be started; install gdal-bin.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stderr}\n{output}");
        return output;
    }

    [GeneratedRegex(@"^Feature Count: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FeatureCount();
}
