using DesaGis.Core.Tiles;
using DesaGis.Data;
using DesaGis.Data.Catalog;
using DesaGis.Data.Tiles;
using DesaGis.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>
/// Tile renders do not pay for the pool's reset statement on every request, and keep their prepared statements.
/// PostgreSQL does not report which statements a session received (pg_stat_statements is not installed), so the
/// reset is detected by what it would undo: a session setting survives a return to the pool only if no reset ran.
/// </summary>
public class TilePoolTests(TileServerFixture fixture) : IClassFixture<TileServerFixture>
{
    [Fact]
    public async Task The_server_renders_tiles_on_a_pool_without_reset_and_keeps_the_reset_for_everything_else()
    {
        var tiles = fixture.Server.Services.GetRequiredKeyedService<NpgsqlDataSource>(DatabaseRegistration.TileDataSourceKey);
        var main = fixture.Server.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.NotSame(main, tiles);
        Assert.True(new NpgsqlConnectionStringBuilder(tiles.ConnectionString).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(main.ConnectionString).NoResetOnClose);

        // A tile request's render runs on a connection of the tile pool (named desagis-tiles), which stays open in it.
        var (lon, lat) = TileTestData.Centre(0, 0);
        var tile = WebMercator.TileAt(lon, lat, 14);
        using var response = await fixture.Client.GetAsync($"/tiles/villages/{tile.Z}/{tile.X}/{tile.Y}.mvt");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        long sessions = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'desagis-tiles'");
        Assert.True(sessions >= 1, "no connection of the tile pool is open after a tile was rendered");
    }

    [Fact]
    public async Task A_connection_returned_to_the_tile_pool_is_not_reset_while_the_ordinary_pool_resets_it()
    {
        Assert.Equal("kept", await SettingAfterReturnAsync(DesaGisDataSource.CreateForTiles(OnePooled())));
        // The probe does see a reset: on the ordinary pool the same setting is gone after the connection's return.
        Assert.Equal("", await SettingAfterReturnAsync(DesaGisDataSource.Create(OnePooled())));
    }

    [Fact]
    public async Task The_tile_statement_stays_prepared_on_its_connection_between_requests()
    {
        await using var tiles = DesaGisDataSource.CreateForTiles(OnePooled());
        var source = new PostgisTileSource(tiles, LayerCatalog.Default);
        var (lon, lat) = TileTestData.Centre(1, 1);
        var tile = WebMercator.TileAt(lon, lat, 13);
        byte[] first = await source.GetTileAsync([LayerCatalog.Default.Find("villages")!], tile, CancellationToken.None);
        byte[] second = await source.GetTileAsync([LayerCatalog.Default.Find("villages")!], tile, CancellationToken.None);
        Assert.NotEmpty(first);
        Assert.Equal(first, second);

        await using var conn = await tiles.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement ILIKE '%ST_AsMVT%'", conn);
        Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    private string OnePooled() =>
        new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;

    /// <summary>Sets a custom setting on a pooled connection, returns it, and reads the setting on the next one.</summary>
    private static async Task<string> SettingAfterReturnAsync(NpgsqlDataSource dataSource)
    {
        await using (dataSource)
        {
            int pid;
            await using (var conn = await dataSource.OpenConnectionAsync())
            {
                await using var set = new NpgsqlCommand("SET desagis.reset_probe = 'kept'; SELECT pg_backend_pid()", conn);
                pid = (int)(await set.ExecuteScalarAsync())!;
            }
            await using (var conn = await dataSource.OpenConnectionAsync())
            {
                await using var read = new NpgsqlCommand("SELECT pg_backend_pid(), coalesce(current_setting('desagis.reset_probe', true), '')", conn);
                await using var reader = await read.ExecuteReaderAsync();
                await reader.ReadAsync();
                Assert.Equal(pid, reader.GetInt32(0));
                return reader.GetString(1);
            }
        }
    }
}
