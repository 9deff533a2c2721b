using System.Diagnostics;
using System.Globalization;
using System.Text;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Import;

/// <summary>The <c>desagis import</c> command as a user runs it: a separate process, its output and exit status.</summary>
public class ImportCommandTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private ProcessStartInfo Cli(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "desagis.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DESAGIS_DATABASE"] = db.ConnectionString;
        return info;
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var process = Process.Start(Cli(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Without_a_terminal_the_command_prints_a_plain_summary_and_the_rejected_rows()
    {
        var path = _files.Text("desa cli.csv",
            "kode;nama;wkt\n" +
            "63.07.01.2001;Satu;POLYGON((115 -3,115.01 -3,115.01 -2.99,115 -2.99,115 -3))\n" +
            "63.07.01.2002;Dua;POLYGON((115.02 -3,115.03 -2.99,115.03 -3,115.02 -2.99,115.02 -3))\n" +
            "63.07.01.20;Salah;POLYGON((115 -3,115.01 -3,115.01 -2.99,115 -2.99,115 -3))\n");

        var (exit, output, _) = await RunAsync("import", path, "--target", "desa");

        Assert.Equal(0, exit);
        Assert.Contains("rows read 3, inserted 2, updated 0, unchanged 0, repaired 1, rejected 1", output);
        Assert.Contains("rejected line 4:", output);
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE kode LIKE '63.07.01.%'"));
    }

    [Fact]
    public async Task A_mapping_to_a_missing_column_is_refused_with_exit_status_2_and_nothing_written()
    {
        var path = _files.Text("kolom.csv", "kode,nama\n63.07.02.2001,Satu\n");
        var runs = await db.ScalarAsync<long>("SELECT count(*) FROM desagis.import_run");

        var (exit, _, error) = await RunAsync("import", path, "--target", "desa", "--map", "nama=NAMA_DESA");

        Assert.Equal(2, exit);
        Assert.Contains("NAMA_DESA", error);
        Assert.Contains("kode, nama", error);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa WHERE kode = '63.07.02.2001'"));
        Assert.Equal(runs, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.import_run"));
    }

    [Fact]
    public async Task Killing_the_process_during_an_import_leaves_the_table_unchanged()
    {
        // Enough rows that the import is still copying when it is killed.
        var csv = new StringBuilder("kode,nama\n");
        for (int i = 0; i < 400_000; i++) csv.Append(CultureInfo.InvariantCulture, $"63.08.{i / 9000 + 10:00}.{2000 + i % 9000},Desa {i}\n");
        var path = _files.Text("besar.csv", csv.ToString());
        var before = await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa");
        var runs = await db.ScalarAsync<long>("SELECT count(*) FROM desagis.import_run");

        using var process = Process.Start(Cli("import", path, "--target", "desa"))!;
        var copying = false;
        for (int i = 0; i < 600 && !process.HasExited && !copying; i++)
        {
            copying = await db.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'desagis-import' AND query ILIKE 'COPY%'") > 0;
            if (!copying) await Task.Delay(50);
        }
        Assert.True(copying, "the import never reached its COPY");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        // The server notices the dead connection and rolls the transaction back.
        for (int i = 0; i < 200 && await db.ScalarAsync<long>(
                 "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'desagis-import'") > 0; i++)
            await Task.Delay(50);
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.desa"));
        Assert.Equal(runs, await db.ScalarAsync<long>("SELECT count(*) FROM desagis.import_run"));
    }
}
