using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DesaGis.Core.Tiles;
using DesaGis.Server.Http;
using DesaGis.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DesaGis.Integration.Tests.Tiles;

/// <summary>
/// The render queue on a real server over PostGIS: renders are held in the database by a lock on the villages table,
/// so the slots, the queue and the coalescing of identical requests can be watched while they are busy.
/// </summary>
public class TileRenderQueueTests(TileServerFixture fixture) : IClassFixture<TileServerFixture>
{
    private static string Url(int z)
    {
        var (lon, lat) = TileTestData.Centre(1, 1);
        var t = WebMercator.TileAt(lon, lat, z);
        return $"/tiles/villages/{t.Z}/{t.X}/{t.Y}.mvt";
    }

    [Fact]
    public async Task Renders_past_the_slots_and_the_queue_get_503_with_retry_after_while_cached_tiles_are_served()
    {
        await using var server = new QueueServer(fixture.Database, slots: 1, queue: 1, waitMs: 30_000);
        await server.StartAsync();
        using var client = server.CreateHttpClient();
        var gates = server.Services.GetRequiredService<CostGates>();
        using (var warm = await client.GetAsync(Url(16))) Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        Task<HttpResponseMessage> first, second;
        await using (var hold = await HoldVillagesAsync())
        {
            first = client.GetAsync(Url(12));
            await WaitUntilAsync(() => gates.InUse(CostClass.TileRender) == 1, "the first render did not take the slot");
            second = client.GetAsync(Url(13));
            await WaitUntilAsync(() => gates.Queued(CostClass.TileRender) == 1, "the second render did not queue");

            using var refused = await client.GetAsync(Url(14));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal(ProblemTypes.Busy, problem.RootElement.GetProperty("type").GetString());

            // The cached tile does not wait behind the held renders.
            var watch = Stopwatch.StartNew();
            using var cached = await client.GetAsync(Url(16));
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"a cached tile took {watch.Elapsed.TotalMilliseconds:0} ms beside busy renders");
            Assert.False(first.IsCompleted || second.IsCompleted, "a render finished while the table was locked");
        }
        using (var a = await first) Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        using (var b = await second) Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal(0, gates.InUse(CostClass.TileRender));
    }

    [Fact]
    public async Task Identical_misses_share_one_render_and_one_slot()
    {
        await using var server = new QueueServer(fixture.Database, slots: 1, queue: 0, waitMs: 30_000);
        await server.StartAsync();
        using var client = server.CreateHttpClient();
        var gates = server.Services.GetRequiredService<CostGates>();

        List<Task<HttpResponseMessage>> same;
        await using (var hold = await HoldVillagesAsync())
        {
            same = Enumerable.Range(0, 6).Select(_ => client.GetAsync(Url(13))).ToList();
            await WaitUntilAsync(() => gates.InUse(CostClass.TileRender) == 1, "the render did not take the slot");
            await Task.Delay(300);
            // Six requests, one statement in the database, none refused although the queue has no places.
            Assert.DoesNotContain(same, t => t.IsCompleted);
            Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'desagis-tiles' AND wait_event_type = 'Lock'"));
            // Another tile finds the one slot taken and no queue.
            using var other = await client.GetAsync(Url(12));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, other.StatusCode);
            Assert.NotNull(other.Headers.RetryAfter);
        }
        var bodies = new List<byte[]>();
        foreach (var t in same)
        {
            using var r = await t;
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            bodies.Add(await r.Content.ReadAsByteArrayAsync());
        }
        Assert.NotEmpty(bodies[0]);
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
    }

    [Fact]
    public async Task A_render_that_waits_past_its_limit_in_the_queue_is_answered_503_and_leaves_the_queue()
    {
        await using var server = new QueueServer(fixture.Database, slots: 1, queue: 8, waitMs: 400);
        await server.StartAsync();
        using var client = server.CreateHttpClient();
        var gates = server.Services.GetRequiredService<CostGates>();
        Task<HttpResponseMessage> first;
        await using (var hold = await HoldVillagesAsync())
        {
            first = client.GetAsync(Url(12));
            await WaitUntilAsync(() => gates.InUse(CostClass.TileRender) == 1, "the first render did not take the slot");
            var watch = Stopwatch.StartNew();
            using var waited = await client.GetAsync(Url(13));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
            Assert.NotNull(waited.Headers.RetryAfter);
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350), $"refused after {watch.Elapsed.TotalMilliseconds:0} ms, before its wait");
            Assert.Equal(0, gates.Queued(CostClass.TileRender));
        }
        using (var a = await first) Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        // The refused tile renders once the slot is free.
        using var again = await client.GetAsync(Url(13));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// <summary>Locks the villages table, so every tile render of that layer waits in the database until disposed.</summary>
    private async Task<IAsyncDisposable> HoldVillagesAsync()
    {
        var conn = await fixture.Database.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("LOCK TABLE desagis.desa IN ACCESS EXCLUSIVE MODE", conn, tx))
            await cmd.ExecuteNonQueryAsync();
        return new Hold(conn, tx);
    }

    private sealed class Hold(NpgsqlConnection conn, NpgsqlTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await tx.DisposeAsync();
            await conn.DisposeAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), failure);
            await Task.Delay(20);
        }
    }

    private sealed class QueueServer(PostgisDatabase db, int slots, int queue, int waitMs) : KestrelDesaGisServer(db)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DesaGis:Security:RequestsPerSecond"] = "0",
            ["DesaGis:Tiles:RenderConcurrency"] = slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DesaGis:Tiles:RenderQueue"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DesaGis:Tiles:RenderQueueWaitMilliseconds"] = waitMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
