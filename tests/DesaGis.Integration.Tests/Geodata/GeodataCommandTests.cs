using System.Diagnostics;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Geodata;

/// <summary>The geodata, outlines and demo unload commands as a user (and make run) runs them: a separate process, its output and exit status.</summary>
public class GeodataCommandTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "desagis.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DESAGIS_DATABASE"] = db.ConnectionString;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Make_runs_load_then_outline_check_then_unload_of_the_examples()
    {
        // What 'make run' runs, from the repository root: the defaults are geodata/real and geodata/contoh.
        var (exit, output, error) = await RunAsync("geodata", "load");
        Assert.True(exit == 0, error);
        Assert.Contains("desa.geojson → desa imported", output);
        // The source's kecamatan outlines are coarse: the load says so, naming Sakra, and builds all 85 from the villages.
        Assert.Contains("outlines: 63 of 85 kecamatan/kabupaten disagree with their villages; 85 rebuilt from their villages", output);
        Assert.Contains("outline kecamatan 52.03.02 Sakra: outline of 12 vertices against its 12 villages' 857; 7.3 % of their area lies outside it", output);
        Assert.Contains("Loaded geodata/real and geodata/contoh", output);
        Assert.Contains("unchanged since the last load", (await RunAsync("geodata", "load")).Out);

        var check = await RunAsync("outlines", "check", "--kabupaten", "52.03,63.04");
        Assert.Equal(0, check.Exit);
        Assert.Contains("40 kecamatan/kabupaten with village polygons compared; 0 disagree with their villages.", check.Out);

        var unload = await RunAsync("demo", "unload");
        Assert.Equal(0, unload.Exit);
        Assert.Contains("Removed 4 example programmes, 3 example partners.", unload.Out);
        Assert.Contains("No example data was loaded", (await RunAsync("demo", "unload")).Out);
        Assert.Contains("(without the examples)", (await RunAsync("geodata", "load")).Out);
        Assert.Equal(999, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa"));
    }
}
