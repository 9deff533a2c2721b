using System.Collections.Concurrent;
using DesaGis.Core.Layers;
using DesaGis.Core.Tiles;
using DesaGis.Data.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Tiles;

/// <summary>
/// Makes MVT tiles in PostGIS (ST_AsMVT/ST_AsMVTGeom). Every layer's SQL is built when the source is created; a
/// composite's statement is assembled once from those fragments and then reused.
/// </summary>
public sealed class PostgisTileSource : ITileSource
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly Dictionary<string, (LayerDefinition Layer, IReadOnlyList<TileQueryBand> Bands)> _layers;
    private readonly ConcurrentDictionary<string, string> _statements = new(StringComparer.Ordinal);

    public PostgisTileSource(NpgsqlDataSource dataSource, LayerCatalog catalog, IReadOnlyDictionary<string, TileLayerProfile>? profiles = null)
    {
        _dataSource = dataSource;
        profiles ??= TileLayerProfile.Standard;
        _layers = catalog.Layers.ToDictionary(
            l => l.Id,
            l => (l, TileSqlBuilder.Build(l, profiles.GetValueOrDefault(l.Id) ?? TileLayerProfile.Plain)),
            StringComparer.Ordinal);
    }

    /// <summary>Seconds one tile statement may run.</summary>
    public int CommandTimeoutSeconds { get; init; } = 30;

    public async Task<byte[]> GetTileAsync(IReadOnlyList<string> layerIds, TileCoord tile, CancellationToken cancellationToken)
    {
        var parts = new List<(string Id, int Band)>(layerIds.Count);
        foreach (var id in layerIds)
        {
            if (!_layers.TryGetValue(id, out var entry))
                throw new ArgumentException($"Layer '{id}' is not in the catalog.", nameof(layerIds));
            // Below a layer's first zoom it draws nothing; clients over-zoom beyond its last, so deeper tiles are real.
            if (tile.Z < entry.Layer.MinZoom) continue;
            int band = 0;
            for (int i = 1; i < entry.Bands.Count; i++)
                if (tile.Z >= entry.Bands[i].MinZoom) band = i;
            parts.Add((id, band));
        }
        if (parts.Count == 0) return [];

        string key = string.Join("|", parts.Select(p => p.Id + "#" + p.Band));
        string sql = _statements.GetOrAdd(key, _ => TileSqlBuilder.Combine(parts.Select(p => _layers[p.Id].Bands[p.Band].Sql).ToList()));

        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = CommandTimeoutSeconds };
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = tile.Z });
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = tile.X });
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = tile.Y });
        foreach (var (id, _) in parts)
            cmd.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = id });
        // Prepared once per pooled connection; later calls with the same SQL find the prepared statement.
        await cmd.PrepareAsync(cancellationToken);
        var result = await cmd.ExecuteScalarAsync(cancellationToken);
        return result as byte[] ?? [];
    }

    /// <summary>The SQL a layer uses at a zoom (for tests and diagnostics).</summary>
    public string SqlFor(string layerId, int zoom)
    {
        var bands = _layers[layerId].Bands;
        return bands.Last(b => zoom >= b.MinZoom || b == bands[0]).Sql;
    }
}
