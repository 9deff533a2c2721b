using System.Diagnostics;
using DesaGis.Data.Tiles;
using DesaGis.Server.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DesaGis.Server.Tiles;

/// <summary>
/// Keeps the tile cache in step with the database's layer change log, so that no tile older than a change
/// committed before a request is served.
/// <para>
/// While the server holds a tile lease (migration 0063), no change can commit, so <see cref="SyncAsync"/> answers
/// at once from what the cache knows. A writer asks for the lease back by cancelling the lease connection's renewal;
/// the server stops trusting the lease, lets go, and until it has a new lease (and has read the log once after
/// taking it) every request waits for a read of the log that began after the request arrived — concurrent requests
/// share that read. With <see cref="TileConsistency.Strict"/> the server never takes a lease and always reads.
/// </para>
/// </summary>
public sealed partial class TileChangeMonitor(
    TileCache cache,
    NpgsqlDataSource dataSource,
    IOptions<TileOptions> options,
    IOptions<DesaGisOptions> databaseOptions,
    ILogger<TileChangeMonitor> logger) : BackgroundService
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private TaskCompletionSource<long>? _next;
    private bool _reading;
    private long _known = -1;
    private long _reads;
    private long _leaseValidUntil;
    private NpgsqlConnection? _connection;

    /// <summary>The change-log version whose changes the cache reflects (-1 before the first read).</summary>
    public long KnownVersion => Interlocked.Read(ref _known);

    /// <summary>How many times the change log has been read.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Whether the server holds a lease it may trust now, so cached tiles need no read of the log.</summary>
    public bool HoldsLease => Stopwatch.GetTimestamp() < Volatile.Read(ref _leaseValidUntil);

    /// <summary>Applies every change committed before this call; returns the version the cache now reflects.</summary>
    public Task<long> SyncAsync(CancellationToken cancellationToken)
    {
        // The version is read after the lease check: it was stored before the lease was first trusted.
        if (HoldsLease) return Task.FromResult(KnownVersion);
        TaskCompletionSource<long> waiter;
        bool start = false;
        lock (_gate)
        {
            // Joining the batch that has not started reading yet is safe: its read begins after this call.
            _next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiter = _next;
            if (!_reading) { _reading = true; start = true; }
        }
        if (start) _ = Task.Run(ReadLoopAsync, CancellationToken.None);
        return waiter.Task.WaitAsync(cancellationToken);
    }

    private async Task ReadLoopAsync()
    {
        while (true)
        {
            TaskCompletionSource<long>? batch;
            lock (_gate)
            {
                batch = _next;
                _next = null;
                if (batch is null) { _reading = false; return; }
            }
            try
            {
                batch.TrySetResult(await RefreshAsync(CancellationToken.None));
            }
            catch (Exception ex)
            {
                batch.TrySetException(ex);
            }
        }
    }

    /// <summary>Reads the log once and evicts what changed.</summary>
    public async Task<long> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            long known = KnownVersion;
            ChangeBatch batch;
            try
            {
                // A connection of its own, kept open with the statement prepared: the check is one short round trip.
                _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);
                batch = await LayerChangeLog.ReadAsync(_connection, known < 0 ? long.MaxValue : known, cancellationToken);
            }
            catch
            {
                if (_connection is not null) await _connection.DisposeAsync();
                _connection = null;
                throw;
            }
            Interlocked.Increment(ref _reads);
            if (known < 0 || !batch.Complete)
            {
                cache.Clear(batch.Version);
            }
            else
            {
                foreach (var change in batch.Changes)
                {
                    int evicted = cache.Invalidate(change.Layer, change.Box3857, change.Version);
                    if (evicted > 0) LogEvicted(logger, evicted, change.Layer, change.Version);
                }
            }
            Interlocked.Exchange(ref _known, batch.Version);
            return batch.Version;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Takes, renews and gives back the tile lease for as long as the server runs.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Consistency != TileConsistency.Lease || !cache.Enabled) return;
        var renew = TimeSpan.FromMilliseconds(options.Value.LeaseRenewMilliseconds);
        // Trusted for two renewals and a second's margin for a slow round trip on a busy machine. It only matters when a
        // lost lease goes unnoticed (a frozen process or a network partition; a closed connection is noticed at once),
        // and it stays well below the 5 s a writer waits before ending a silent holder.
        long validity = (long)((2 * renew + TimeSpan.FromSeconds(1)).TotalSeconds * Stopwatch.Frequency);
        var retry = TimeSpan.FromMilliseconds(25);
        bool down = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Not pooled: closing it must end the session, and with it the lease.
                await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(databaseOptions.Value.ConnectionString)
                {
                    Pooling = false,
                    Multiplexing = false,
                    ApplicationName = "desagis-tile-lease",
                    Timeout = 5,
                    CommandTimeout = (int)Math.Ceiling(renew.TotalSeconds) + 10,
                }.ConnectionString);
                await conn.OpenAsync(stoppingToken);
                await using var take = new NpgsqlCommand("SELECT desagis.take_tile_lease()", conn);
                await using var renewal = new NpgsqlCommand("SELECT desagis.renew_tile_lease($1)", conn);
                renewal.Parameters.Add(new NpgsqlParameter<double> { TypedValue = renew.TotalSeconds });
                await using var release = new NpgsqlCommand("SELECT desagis.release_tile_lease()", conn);
                while (!stoppingToken.IsCancellationRequested)
                {
                    long sent = Stopwatch.GetTimestamp();
                    try
                    {
                        if (await take.ExecuteScalarAsync(stoppingToken) is not true)
                        {
                            // A writer holds or waits for the key; requests read the log meanwhile.
                            await Task.Delay(retry, stoppingToken);
                            continue;
                        }
                        if (down) { LogLeaseBack(logger); down = false; }
                        // A read that begins after the lease was taken: every change committed before it is applied.
                        await RefreshAsync(stoppingToken);
                        Volatile.Write(ref _leaseValidUntil, sent + validity);
                        while (true)
                        {
                            sent = Stopwatch.GetTimestamp();
                            if (await renewal.ExecuteScalarAsync(stoppingToken) is true) break;
                            Volatile.Write(ref _leaseValidUntil, sent + validity);
                        }
                    }
                    catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled)
                    {
                        // A writer cancelled the renewal to be let in.
                    }
                    finally
                    {
                        // Distrusted before it is given back, so no request trusts it once a writer can commit.
                        Volatile.Write(ref _leaseValidUntil, 0);
                    }
                    await ReleaseAsync(release, stoppingToken);
                    // Lets a burst of writers through before the lease is taken again.
                    await Task.Delay(2 * retry, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                Volatile.Write(ref _leaseValidUntil, 0);
                if (!down) LogLeaseDown(logger, ex.Message);
                down = true;
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                Volatile.Write(ref _leaseValidUntil, 0);
            }
        }
    }

    private static async Task ReleaseAsync(NpgsqlCommand release, CancellationToken cancellationToken)
    {
        // Another writer's cancel may interrupt the release itself; releasing twice is harmless.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await release.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled && attempt < 100)
            {
            }
        }
    }

    public override void Dispose()
    {
        _connection?.Dispose();
        _refresh.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evicted {Count} tiles of {Layer} for change {Version}")]
    private static partial void LogEvicted(ILogger logger, int count, string layer, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile lease unavailable ({Reason}); cached tiles are checked against the change log per request until it is back")]
    private static partial void LogLeaseDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tile lease held again; cached tiles are served from memory")]
    private static partial void LogLeaseBack(ILogger logger);
}
