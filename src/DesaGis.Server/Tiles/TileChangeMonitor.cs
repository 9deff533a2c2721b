using DesaGis.Data.Tiles;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DesaGis.Server.Tiles;

/// <summary>
/// Keeps the tile cache in step with the database's layer change log. <see cref="SyncAsync"/> returns only after a
/// read of the log that began after the call, so every change committed before a request is applied before that
/// request is answered; concurrent callers share one read (one round trip serves a whole burst of requests).
/// In the background, LISTEN/NOTIFY (with a poll as fallback) applies changes early so memory is freed at once.
/// </summary>
public sealed partial class TileChangeMonitor(
    TileCache cache,
    NpgsqlDataSource dataSource,
    IOptions<TileOptions> options,
    ILogger<TileChangeMonitor> logger) : BackgroundService
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private TaskCompletionSource<long>? _next;
    private bool _reading;
    private long _known = -1;
    private volatile bool _listening;
    private NpgsqlConnection? _connection;
    private readonly List<(long Version, TaskCompletionSource Done)> _waiters = [];

    /// <summary>The change-log version whose changes the cache reflects (-1 before the first read).</summary>
    public long KnownVersion => Interlocked.Read(ref _known);

    /// <summary>Whether the LISTEN connection is up.</summary>
    public bool Listening => _listening;

    /// <summary>Completes once the cache reflects at least <paramref name="version"/> of the change log.</summary>
    public Task WaitForVersionAsync(long version, CancellationToken cancellationToken)
    {
        lock (_waiters)
        {
            if (KnownVersion >= version) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((version, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Applies every change committed before this call; returns the version the cache now reflects.</summary>
    public Task<long> SyncAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Consistency == TileConsistency.Notify && _listening && KnownVersion >= 0)
            return Task.FromResult(KnownVersion);
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
            lock (_waiters)
            {
                _waiters.RemoveAll(w =>
                {
                    if (w.Version > batch.Version) return false;
                    w.Done.TrySetResult();
                    return true;
                });
            }
            return batch.Version;
        }
        finally
        {
            _refresh.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + LayerChangeLog.Channel, conn))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Read after LISTEN so that nothing committed in between is missed.
                await RefreshAsync(stoppingToken);
                _listening = true;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await conn.WaitAsync(poll, stoppingToken);
                    await RefreshAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                _listening = false;
                LogListenFailed(logger, ex.Message);
                await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                _listening = false;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile change listener down ({Reason}); cached tiles are checked per request until it is back")]
    private static partial void LogListenFailed(ILogger logger, string reason);
}
