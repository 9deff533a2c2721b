using System.Diagnostics;
using Npgsql;

namespace DesaGis.Data.Tiles;

/// <summary>
/// The server's side of the tile lease of migration 0063: takes a shared hold of the lease key on a connection of its
/// own, renews it, and gives it back as soon as a writer asks for it (by cancelling the renewal, or by waiting, which
/// the renewal reports). While <see cref="IsTrusted"/> is true no change can commit, so cached tiles need no read of
/// the change log.
/// </summary>
/// <param name="connectionString">The database; the lease connection is opened unpooled, so closing it ends the lease.</param>
/// <param name="renew">How long each renewal waits (the statement a writer cancels to be let in).</param>
public sealed class TileLease(string connectionString, TimeSpan renew)
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(25);
    private long _validUntil;

    /// <summary>Whether the lease is held and may be trusted now.</summary>
    public bool IsTrusted => Stopwatch.GetTimestamp() < Volatile.Read(ref _validUntil);

    /// <summary>
    /// Takes, renews and gives back the lease until <paramref name="stoppingToken"/> is cancelled. After each take,
    /// <paramref name="afterTaken"/> runs before the lease is trusted (the caller reads the change log there, so that
    /// every change committed before the lease is applied). <paramref name="onDown"/> and <paramref name="onBack"/>
    /// report the database becoming unreachable and the lease being held again.
    /// </summary>
    public async Task HoldAsync(Func<CancellationToken, Task> afterTaken, Action<string> onDown, Action onBack, CancellationToken stoppingToken)
    {
        // Trusted for two renewals and a second's margin for a slow round trip on a busy machine. It only matters when a
        // lost lease goes unnoticed (a frozen process or a network partition; a closed connection is noticed at once),
        // and it stays well below the 5 s a writer waits before ending a silent holder.
        long validity = (long)((2 * renew + TimeSpan.FromSeconds(1)).TotalSeconds * Stopwatch.Frequency);
        bool down = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Not pooled: closing it must end the session, and with it the lease.
                await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
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
                            await Task.Delay(Retry, stoppingToken);
                            continue;
                        }
                        if (down) { onBack(); down = false; }
                        // A read that begins after the lease was taken: every change committed before it is applied.
                        await afterTaken(stoppingToken);
                        Volatile.Write(ref _validUntil, sent + validity);
                        while (true)
                        {
                            sent = Stopwatch.GetTimestamp();
                            if (await renewal.ExecuteScalarAsync(stoppingToken) is true) break;
                            Volatile.Write(ref _validUntil, sent + validity);
                        }
                    }
                    catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled)
                    {
                        // A writer cancelled the renewal to be let in.
                    }
                    finally
                    {
                        // Distrusted before it is given back, so no request trusts it once a writer can commit.
                        Volatile.Write(ref _validUntil, 0);
                    }
                    await ReleaseAsync(release, stoppingToken);
                    // Lets a burst of writers through before the lease is taken again.
                    await Task.Delay(2 * Retry, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                Volatile.Write(ref _validUntil, 0);
                if (!down) onDown(ex.Message);
                down = true;
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                Volatile.Write(ref _validUntil, 0);
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
}
