using DesaGis.Core;
using Npgsql;

namespace DesaGis.Data.Tiles;

/// <summary>
/// Reads the layer change log that the triggers of migration 0031 write (they also NOTIFY on the channel
/// <c>desagis_tiles</c> after each recorded change, for other listeners).
/// </summary>
public static class LayerChangeLog
{
    /// <summary>
    /// The current version and every change after <paramref name="sinceVersion"/>, in one round trip, on a connection
    /// the caller keeps open (the statement is prepared on it once). When the log no longer reaches back that far,
    /// <see cref="ChangeBatch.Complete"/> is false and the caller must assume everything changed.
    /// </summary>
    public static async Task<ChangeBatch> ReadAsync(NpgsqlConnection conn, long sinceVersion, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT v.version, c.version, c.layer, c.minx, c.miny, c.maxx, c.maxy " +
            "FROM desagis.tile_version v LEFT JOIN desagis.layer_change c ON c.version > $1 AND c.version <= v.version " +
            "ORDER BY c.version", conn);
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sinceVersion });
        await cmd.PrepareAsync(cancellationToken);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        long current = sinceVersion;
        var changes = new List<LayerChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            current = reader.GetInt64(0);
            if (reader.IsDBNull(1)) continue;
            BoundingBox? box = reader.IsDBNull(3) ? null
                : new BoundingBox(reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6));
            changes.Add(new LayerChange(reader.GetInt64(1), reader.GetString(2), box));
        }
        // Every version has at least one row; a missing first version means the log was trimmed past us.
        bool complete = current == sinceVersion || (changes.Count > 0 && changes[0].Version == sinceVersion + 1);
        return new ChangeBatch(current, changes, complete);
    }
}
