using DesaGis.Data.Demo;
using DesaGis.Testing;

namespace DesaGis.Integration.Tests.Demo;

public class DemoFailedLoadTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>
{
    private const string Fingerprint =
        """
        SELECT md5(concat_ws('|',
            (SELECT string_agg(concat_ws(',', kode, nama, updated_at), ';' ORDER BY kode) FROM desagis.desa),
            (SELECT string_agg(concat_ws(',', desa_kode, year, population, updated_at), ';' ORDER BY desa_kode, year) FROM desagis.village_indicator),
            (SELECT string_agg(concat_ws(',', program_id, desa_kode), ';' ORDER BY program_id, desa_kode) FROM desagis.program_village),
            (SELECT string_agg(concat_ws(',', kode, poverty_rate), ';' ORDER BY kode) FROM desagis.village_summary),
            (SELECT string_agg(concat_ws(',', kode, updated_at), ';' ORDER BY kode) FROM desagis.extreme_poor_household),
            (SELECT count(*) FROM desagis.import_run)))
        """;

    private static async Task<TempDirectory> GenerateAsync(int seed)
    {
        var dir = new TempDirectory();
        await DemoWriter.WriteAsync(DemoGenerator.Generate(new DemoOptions(seed, 120)), dir.Path);
        return dir;
    }

    [Fact]
    public async Task A_load_that_fails_after_writing_rows_leaves_the_database_unchanged()
    {
        using var good = await GenerateAsync(5);
        await DemoLoader.LoadAsync(db.DataSource, good.Path);
        var before = await db.ScalarAsync<string>(Fingerprint);

        // The same data with renamed villages and changed figures, but one poverty rate of 150 %, which the schema refuses
        // while the indicators are written, after villages were already updated in the transaction.
        using var bad = new TempDirectory();
        foreach (var file in Directory.GetFiles(good.Path)) File.Copy(file, bad.File(Path.GetFileName(file)));
        File.WriteAllText(bad.File(DemoFiles.Desa), File.ReadAllText(bad.File(DemoFiles.Desa)).Replace("\"nama\":\"", "\"nama\":\"Ubah ", StringComparison.Ordinal));
        var lines = File.ReadAllLines(bad.File(DemoFiles.VillageIndicator));
        for (int i = 1; i < lines.Length; i++) lines[i] = lines[i].Replace(",2024,", ",2025,", StringComparison.Ordinal);
        var cells = lines[^1].Split(',');
        cells[3] = "150";
        lines[^1] = string.Join(',', cells);
        File.WriteAllLines(bad.File(DemoFiles.VillageIndicator), lines);

        var e = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => DemoLoader.LoadAsync(db.DataSource, bad.Path));
        Assert.Contains("poverty_rate", e.ConstraintName ?? e.MessageText);
        Assert.Equal(before, await db.ScalarAsync<string>(Fingerprint));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.desa WHERE nama LIKE 'Ubah %'"));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT count(*) FROM desagis.village_indicator WHERE year = 2025"));
    }

    [Fact]
    public async Task A_reference_to_a_programme_that_does_not_exist_is_refused_and_nothing_is_loaded()
    {
        using var dir = await GenerateAsync(7);
        File.AppendAllText(dir.File(DemoFiles.ProgramVillage), "PRG-99-999,99.01.01.2001\n");
        var before = await db.ScalarAsync<string>(Fingerprint);

        var e = await Assert.ThrowsAsync<DemoLoadException>(() => DemoLoader.LoadAsync(db.DataSource, dir.Path));
        Assert.Contains(DemoFiles.ProgramVillage, e.Message);
        Assert.Contains("PRG-99-999", e.Message);
        Assert.Equal(before, await db.ScalarAsync<string>(Fingerprint));
    }

    [Fact]
    public async Task A_household_of_a_village_that_does_not_exist_is_refused_and_nothing_is_loaded()
    {
        using var dir = await GenerateAsync(8);
        File.AppendAllText(dir.File(DemoFiles.ExtremePoorHousehold), "HH-99.77.77.2001-001,99.77.77.2001,Bapak Contoh (sintetis),3,1,2024,114.5,-2.5\n");
        var before = await db.ScalarAsync<string>(Fingerprint);

        var e = await Assert.ThrowsAsync<DemoLoadException>(() => DemoLoader.LoadAsync(db.DataSource, dir.Path));
        Assert.Contains(DemoFiles.ExtremePoorHousehold, e.Message);
        Assert.Contains("99.77.77.2001", e.Message);
        Assert.Equal(before, await db.ScalarAsync<string>(Fingerprint));
    }

    [Fact]
    public async Task A_malformed_value_is_reported_with_its_file_and_line_and_nothing_is_loaded()
    {
        using var dir = await GenerateAsync(6);
        var lines = File.ReadAllLines(dir.File(DemoFiles.VillageIndicator));
        var cells = lines[2].Split(',');
        cells[1] = "dua ribu";
        lines[2] = string.Join(',', cells);
        File.WriteAllLines(dir.File(DemoFiles.VillageIndicator), lines);
        var before = await db.ScalarAsync<string>(Fingerprint);

        var e = await Assert.ThrowsAsync<DemoLoadException>(() => DemoLoader.LoadAsync(db.DataSource, dir.Path));
        Assert.Contains($"{DemoFiles.VillageIndicator} line 3", e.Message);
        Assert.Contains("'year'", e.Message);
        Assert.Equal(before, await db.ScalarAsync<string>(Fingerprint));
    }

    [Fact]
    public async Task A_directory_without_the_demo_files_is_refused_with_advice()
    {
        using var empty = new TempDirectory();
        var e = await Assert.ThrowsAsync<DemoLoadException>(() => DemoLoader.LoadAsync(db.DataSource, empty.Path));
        Assert.Contains("desagis demo generate", e.Message);
    }
}
