using DesaGis.Data.Migrations;
using DesaGis.Testing;
using Npgsql;

namespace DesaGis.Integration.Tests.Indicators;

/// <summary>
/// Migration 0070 moves the figures of the former fixed-column tables into the indicator catalog: run on a database
/// that holds figures in the old shape, every figure comes back through the old names, with its source and time.
/// </summary>
public sealed class IndicatorMigrationTests : IAsyncLifetime
{
    private readonly string _name = "desagis_mig_" + Guid.NewGuid().ToString("N")[..12];
    private NpgsqlDataSource _db = null!;

    public async Task InitializeAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgisDatabase.ServerConnectionString) { Database = "postgres", Pooling = false };
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        _db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(PostgisDatabase.ServerConnectionString) { Database = _name, Pooling = false }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        var admin = new NpgsqlConnectionStringBuilder(PostgisDatabase.ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task ExecAsync(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        cmd.CommandTimeout = 300;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<string> TextAsync(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    // Every figure of both former tables, in one comparable text.
    private const string Figures = """
        SELECT concat_ws(' | ',
            (SELECT string_agg(concat_ws(',', desa_kode, year, population, poverty_rate, extreme_poor_people, extreme_poor_households,
                                         idm_score, idm_status, source, updated_at), ';' ORDER BY desa_kode, year) FROM desagis.village_indicator),
            (SELECT string_agg(concat_ws(',', kabupaten_kode, year, population, poverty_rate, extreme_poor_people, extreme_poor_households,
                                         area_km2, source, updated_at), ';' ORDER BY kabupaten_kode, year) FROM desagis.kabupaten_indicator),
            (SELECT string_agg(concat_ws(',', kode, indicator_year, poverty_rate, idm_year, idm_score, idm_status), ';' ORDER BY kode) FROM desagis.village_summary))
        """;

    [Fact]
    public async Task The_figures_of_the_former_tables_move_into_the_catalog_and_read_back_unchanged()
    {
        foreach (var migration in MigrationRunner.All.Where(m => m.Version < 70)) await ExecAsync(migration.Sql);
        await ExecAsync("""
            INSERT INTO desagis.provinsi (kode, nama) VALUES ('63', 'Kalimantan Selatan');
            INSERT INTO desagis.kabupaten (kode, nama) VALUES ('63.04', 'Barito Kuala');
            INSERT INTO desagis.kecamatan (kode, nama) VALUES ('63.04.01', 'Tabunganen');
            INSERT INTO desagis.desa (kode, nama, jenis, geom) VALUES
              ('63.04.01.2001', 'Kuala Lupak', 'desa', ST_Multi(ST_MakeEnvelope(114.4, -3.4, 114.41, -3.39, 4326))),
              ('63.04.01.2002', 'Tabunganen Muara', 'desa', ST_Multi(ST_MakeEnvelope(114.41, -3.4, 114.42, -3.39, 4326)));
            INSERT INTO desagis.village_indicator (desa_kode, year, population, poverty_rate, extreme_poor_people, extreme_poor_households,
                                                   idm_score, idm_status, source, updated_at) VALUES
              ('63.04.01.2001', 2023, 1200, 12.5, 30, 9, NULL, NULL, 'BPS uji', '2024-01-02 03:04:05+00'),
              ('63.04.01.2001', 2024, 1210, 0, 0, 0, 0.61, 'BERKEMBANG', 'IDM uji', '2024-06-01 00:00:00+00'),
              ('63.04.01.2002', 2024, NULL, NULL, NULL, NULL, NULL, 'SANGAT_TERTINGGAL', 'IDM uji', '2024-06-01 00:00:00+00');
            INSERT INTO desagis.kabupaten_indicator (kabupaten_kode, year, population, poverty_rate, extreme_poor_people, extreme_poor_households,
                                                     area_km2, source, updated_at) VALUES
              ('63.04', 2021, 313000, 5.11, NULL, NULL, 2418.6, 'BPS P0', '2023-05-05 05:05:05+00');
            SELECT desagis.refresh_village_summary(NULL);
            """);
        var before = await TextAsync(Figures);

        await ExecAsync(MigrationRunner.All.Single(m => m.Version == 70).Sql);

        Assert.Equal(before, await TextAsync(Figures));
        // Zeros stay zeros (a measured zero is not a missing value) and each value keeps its row's source.
        Assert.Equal("extreme_poor_households=0,extreme_poor_people=0,idm_score=0.61,idm_status=BERKEMBANG,poverty_rate=0", await TextAsync(
            "SELECT string_agg(indicator_code || '=' || coalesce(value::text, value_text), ',' ORDER BY indicator_code) FROM desagis.indicator_value " +
            "WHERE area_kode = '63.04.01.2001' AND year = 2024 AND indicator_code <> 'population'"));
        Assert.Equal("IDM uji", await TextAsync("SELECT string_agg(DISTINCT source, ',') FROM desagis.indicator_value WHERE year = 2024"));
        // Written through the old name, a figure lands in the catalog; an empty one removes the value.
        await ExecAsync("UPDATE desagis.village_indicator SET poverty_rate = NULL, idm_score = 0.72 WHERE desa_kode = '63.04.01.2001' AND year = 2024");
        Assert.Equal("extreme_poor_households=0,extreme_poor_people=0,idm_score=0.72,idm_status=BERKEMBANG,population=1210", await TextAsync(
            "SELECT string_agg(indicator_code || '=' || coalesce(value::text, value_text), ',' ORDER BY indicator_code) FROM desagis.indicator_value " +
            "WHERE area_kode = '63.04.01.2001' AND year = 2024"));
    }
}
