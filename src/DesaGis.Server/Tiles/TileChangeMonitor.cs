using System.Diagnostics;
using DesaGis.Data.Tiles;
using DesaGis.Server.Configuration;
using Microsoft.Extensions.Options;

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
    LayerChangeFeed feed,
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
    private readonly TileLease _lease = new(databaseOptions.Value.ConnectionString, TimeSpan.FromMilliseconds(options.Value.LeaseRenewMilliseconds));

    /// <summary>The change-log version whose changes the cache reflects (-1 before the first read).</summary>
    public long KnownVersion => Interlocked.Read(ref _known);

    /// <summary>How many times the change log has been read.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Whether the server holds a lease it may trust now, so cached tiles need no read of the log.</summary>
    public bool HoldsLease => _lease.IsTrusted;

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
            var batch = await feed.ReadAsync(known < 0 ? long.MaxValue : known, cancellationToken);
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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Consistency != TileConsistency.Lease || !cache.Enabled) return Task.CompletedTask;
        return _lease.HoldAsync(RefreshAsync, reason => LogLeaseDown(logger, reason), () => LogLeaseBack(logger), stoppingToken);
    }

    public override void Dispose()
    {
        feed.Dispose();
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
