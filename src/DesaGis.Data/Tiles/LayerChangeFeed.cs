using Npgsql;

namespace DesaGis.Data.Tiles;

/// <summary>
/// Reads the layer change log on a connection of its own, kept open with the statement prepared, so that each read is
/// one short round trip. Not thread-safe: one reader at a time (the tile change monitor serialises its reads).
/// </summary>
public sealed class LayerChangeFeed(NpgsqlDataSource dataSource) : IAsyncDisposable, IDisposable
{
    private NpgsqlConnection? _connection;

    /// <summary>The current version and every change after <paramref name="sinceVersion"/> (see <see cref="LayerChangeLog.ReadAsync"/>).</summary>
    public async Task<ChangeBatch> ReadAsync(long sinceVersion, CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);
            return await LayerChangeLog.ReadAsync(_connection, sinceVersion, cancellationToken);
        }
        catch
        {
            // A broken connection is not reused: the next read opens a new one.
            if (_connection is not null) await _connection.DisposeAsync();
            _connection = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }
}
