using System.Net;
using DesaGis.Core.Tiles;
using DesaGis.Server.Tiles;
using DesaGis.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>What both consistency modes share: a village changed by another process shows in the very next request.</summary>
public static class ConsistencyChecks
{
    public static TileCoord Block => WebMercator.TileAt(TileTestData.Centre(1, 1).Lon, TileTestData.Centre(1, 1).Lat, 12);

    /// <summary>An indicator import as writers outside the server do it: the value, then the summary refresh, in one transaction.</summary>
    public static async Task SetPovertyAsync(NpgsqlConnection conn, string kode, double rate)
    {
        await using var tx = await conn.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("UPDATE desagis.village_indicator SET poverty_rate = $2 WHERE desa_kode = $1 AND year = 2024", conn, tx))
        {
            update.Parameters.AddWithValue(kode);
            update.Parameters.AddWithValue(rate);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        await using (var refresh = new NpgsqlCommand("SELECT desagis.refresh_village_summary($1)", conn, tx))
        {
            refresh.Parameters.AddWithValue(new[] { kode });
            await refresh.ExecuteScalarAsync();
        }
        await tx.CommitAsync();
    }

    public static async Task<double> PovertyInTileAsync(HttpClient client, TileCoord t, string kode)
    {
        using var response = await client.GetAsync($"/tiles/village_indicators/{t.Z}/{t.X}/{t.Y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tile = TileDecoding.Decode(await response.Content.ReadAsByteArrayAsync(), t);
        return Convert.ToDouble(tile.Layers.Single().Features.Single(f => (string)f.Attributes["kode"] == kode).Attributes["poverty_rate"]);
    }

    /// <summary>
    /// Four readers request one village's tile while another session commits 25 changes to it. Each reader notes the
    /// last commit it knew of before sending; the tile it gets must be at least that new.
    /// </summary>
    public static async Task AssertNeverStaleUnderConcurrencyAsync(HttpClient client, PostgisDatabase database, int row, int col)
    {
        string kode = TileTestData.Kode(row, col);
        var centre = TileTestData.Centre(row, col);
        var tile = WebMercator.TileAt(centre.Lon, centre.Lat, 13);
        await using var conn = await database.DataSource.OpenConnectionAsync();
        await SetPovertyAsync(conn, kode, 50);
        int committed = 0;
        bool done = false;
        var stale = new System.Collections.Concurrent.ConcurrentBag<string>();
        int reads = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!Volatile.Read(ref done))
            {
                int before = Volatile.Read(ref committed);
                double seen = await PovertyInTileAsync(client, tile, kode);
                Interlocked.Increment(ref reads);
                if (seen < 50 + before) stale.Add($"saw {seen} after write {before} had committed");
            }
        })).ToArray();
        var random = new Random(7);
        for (int i = 1; i <= 25; i++)
        {
            await SetPovertyAsync(conn, kode, 50 + i);
            Volatile.Write(ref committed, i);
            await Task.Delay(random.Next(0, 40));
        }
        Volatile.Write(ref done, true);
        await Task.WhenAll(readers);
        Assert.Empty(stale);
        Assert.True(reads > 25, $"only {reads} reads ran alongside the writes");
        Assert.Equal(75, await PovertyInTileAsync(client, tile, kode), 6);
    }

    /// <summary>A server on the test database without the per-client rate limit, in the given consistency.</summary>
    public sealed class UnlimitedServer(PostgisDatabase db, string consistency) : DesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Security:RequestsPerSecond"] = "0",
            ["DesaGis:Tiles:Consistency"] = consistency,
        };
    }

    public static async Task WaitForLeaseAsync(DesaGisServer server)
    {
        var monitor = server.Services.GetRequiredService<TileChangeMonitor>();
        for (int i = 0; i < 600 && !monitor.HoldsLease; i++) await Task.Delay(50);
        Assert.True(monitor.HoldsLease, "the server should take its tile lease on an idle database");
    }
}

/// <summary>Lease consistency (the default): cache hits are served from memory, and writers wait for the lease.</summary>
public class TileLeaseTests(TileServerFixture fixture) : IClassFixture<TileServerFixture>
{
    private TileChangeMonitor Monitor => fixture.Server.Services.GetRequiredService<TileChangeMonitor>();

    [Fact]
    public async Task While_the_lease_is_held_cache_hits_do_not_read_the_change_log()
    {
        await ConsistencyChecks.WaitForLeaseAsync(fixture.Server);
        var t = ConsistencyChecks.Block;
        await ConsistencyChecks.PovertyInTileAsync(fixture.Client, t, TileTestData.Kode(1, 1));
        long reads = Monitor.Reads;
        for (int i = 0; i < 100; i++)
            await ConsistencyChecks.PovertyInTileAsync(fixture.Client, t, TileTestData.Kode(1, 1));
        // Strict would have read the log 100 times; a lease renewal slowed by a busy machine may cost a read or two.
        Assert.True(Monitor.Reads - reads <= 5, $"{Monitor.Reads - reads} change-log reads for 100 cache hits");
    }

    [Fact]
    public async Task A_writer_in_another_process_gets_past_the_lease_and_its_change_shows_in_the_next_request()
    {
        string kode = TileTestData.Kode(1, 1);
        await using var conn = await fixture.Database.DataSource.OpenConnectionAsync();
        for (int i = 1; i <= 10; i++)
        {
            await ConsistencyChecks.WaitForLeaseAsync(fixture.Server);
            await ConsistencyChecks.PovertyInTileAsync(fixture.Client, ConsistencyChecks.Block, kode);
            double rate = 50 + i;
            await ConsistencyChecks.SetPovertyAsync(conn, kode, rate);
            Assert.Equal(rate, await ConsistencyChecks.PovertyInTileAsync(fixture.Client, ConsistencyChecks.Block, kode), 6);
        }
    }

    [Fact]
    public async Task Under_concurrent_readers_no_request_that_starts_after_a_commit_sees_an_older_tile()
    {
        // A server of its own without the per-client rate limit: the readers stand in for many clients.
        await using var server = new ConsistencyChecks.UnlimitedServer(fixture.Database, "Lease");
        using var client = await server.CreateReadyClientAsync();
        await ConsistencyChecks.WaitForLeaseAsync(server);
        await ConsistencyChecks.AssertNeverStaleUnderConcurrencyAsync(client, fixture.Database, 2, 0);
    }

    [Fact]
    public async Task Two_servers_on_one_database_both_hold_leases_and_neither_serves_a_stale_tile()
    {
        await using var second = new DesaGisServer(fixture.Database);
        using var secondClient = await second.CreateReadyClientAsync();
        string kode = TileTestData.Kode(0, 2);
        await using var conn = await fixture.Database.DataSource.OpenConnectionAsync();
        for (int i = 1; i <= 5; i++)
        {
            await ConsistencyChecks.WaitForLeaseAsync(fixture.Server);
            await ConsistencyChecks.WaitForLeaseAsync(second);
            Assert.Equal(2, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM desagis.tile_lease_holders()"));
            await ConsistencyChecks.PovertyInTileAsync(fixture.Client, ConsistencyChecks.Block, kode);
            await ConsistencyChecks.PovertyInTileAsync(secondClient, ConsistencyChecks.Block, kode);
            double rate = 20 + i;
            await ConsistencyChecks.SetPovertyAsync(conn, kode, rate);
            Assert.Equal(rate, await ConsistencyChecks.PovertyInTileAsync(fixture.Client, ConsistencyChecks.Block, kode), 6);
            Assert.Equal(rate, await ConsistencyChecks.PovertyInTileAsync(secondClient, ConsistencyChecks.Block, kode), 6);
        }
    }

    [Fact]
    public async Task A_hung_lease_holder_is_ended_after_the_lease_timeout_and_the_write_goes_through()
    {
        // A session that took a lease and then stopped answering, as a frozen server would.
        await using var hung = await fixture.Database.DataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand("SELECT desagis.take_tile_lease()", hung))
        {
            // The server's own lease is shared; a frozen one holds the same kind of lock.
            for (int i = 0; i < 200 && await take.ExecuteScalarAsync() is not true; i++) await Task.Delay(25);
        }
        int hungPid = hung.ProcessID;
        Assert.Contains(hungPid, await HoldersAsync());

        await using var writer = await fixture.Database.DataSource.OpenConnectionAsync();
        await using (var set = new NpgsqlCommand("SET desagis.tile_lease_timeout = '500ms'", writer)) await set.ExecuteNonQueryAsync();
        await ConsistencyChecks.SetPovertyAsync(writer, TileTestData.Kode(2, 1), 77.5);

        Assert.DoesNotContain(hungPid, await HoldersAsync());
        await using var probe = new NpgsqlCommand("SELECT 1", hung);
        await Assert.ThrowsAnyAsync<Exception>(() => probe.ExecuteScalarAsync());
        Assert.Equal(77.5, await ConsistencyChecks.PovertyInTileAsync(fixture.Client, ConsistencyChecks.Block, TileTestData.Kode(2, 1)), 6);
        await ConsistencyChecks.WaitForLeaseAsync(fixture.Server);
    }

    [Fact]
    public async Task A_stopped_server_leaves_no_lease_behind()
    {
        var second = new DesaGisServer(fixture.Database);
        using (await second.CreateReadyClientAsync()) await ConsistencyChecks.WaitForLeaseAsync(second);
        int before = (await HoldersAsync()).Count;
        await second.DisposeAsync();
        for (int i = 0; i < 200 && (await HoldersAsync()).Count >= before; i++) await Task.Delay(25);
        Assert.Equal(before - 1, (await HoldersAsync()).Count);
    }

    private async Task<List<int>> HoldersAsync()
    {
        await using var conn = await fixture.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT desagis.tile_lease_holders()", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        return pids;
    }
}

/// <summary>Strict consistency: no lease, a change-log read before every answer.</summary>
public class StrictTileConsistencyTests(StrictTileServerFixture fixture) : IClassFixture<StrictTileServerFixture>
{
    [Fact]
    public async Task Every_answer_follows_a_read_of_the_change_log_and_a_change_shows_in_the_next_request()
    {
        var monitor = fixture.Server.Services.GetRequiredService<TileChangeMonitor>();
        string kode = TileTestData.Kode(1, 1);
        await ConsistencyChecks.PovertyInTileAsync(fixture.Client, ConsistencyChecks.Block, kode);
        Assert.False(monitor.HoldsLease);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM desagis.tile_lease_holders()"));

        long reads = monitor.Reads;
        for (int i = 0; i < 5; i++) await ConsistencyChecks.PovertyInTileAsync(fixture.Client, ConsistencyChecks.Block, kode);
        Assert.Equal(reads + 5, monitor.Reads);

        await using var conn = await fixture.Database.DataSource.OpenConnectionAsync();
        await ConsistencyChecks.SetPovertyAsync(conn, kode, 61.25);
        Assert.Equal(61.25, await ConsistencyChecks.PovertyInTileAsync(fixture.Client, ConsistencyChecks.Block, kode), 6);
    }

    [Fact]
    public async Task Under_concurrent_readers_no_request_that_starts_after_a_commit_sees_an_older_tile()
    {
        await using var server = new ConsistencyChecks.UnlimitedServer(fixture.Database, "Strict");
        using var client = await server.CreateReadyClientAsync();
        await ConsistencyChecks.AssertNeverStaleUnderConcurrencyAsync(client, fixture.Database, 2, 1);
    }
}
