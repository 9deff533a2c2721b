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
    // Keyed by the definition itself: a layer brings its own profile, so there is nothing to look up by name.
    private readonly ConcurrentDictionary<LayerDefinition, IReadOnlyList<TileQueryBand>> _bands = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, string> _statements = new(StringComparer.Ordinal);

    /// <summary>Builds every catalog layer's tile SQL now, so that a layer whose SQL cannot be built fails at start-up.</summary>
    public PostgisTileSource(NpgsqlDataSource dataSource, LayerCatalog catalog)
    {
        _dataSource = dataSource;
        foreach (var layer in catalog.Layers) _bands[layer] = TileSqlBuilder.Build(layer);
    }

    /// <summary>Seconds one tile statement may run.</summary>
    public int CommandTimeoutSeconds { get; init; } = 30;

    public async Task<byte[]> GetTileAsync(IReadOnlyList<LayerDefinition> layers, TileCoord tile, CancellationToken cancellationToken)
    {
        var parts = new List<(string Id, int Band, string Sql)>(layers.Count);
        foreach (var layer in layers)
        {
            // Below a layer's first zoom it draws nothing; clients over-zoom beyond its last, so deeper tiles are real.
            if (tile.Z < layer.MinZoom) continue;
            var bands = BandsOf(layer);
            int band = 0;
            for (int i = 1; i < bands.Count; i++)
                if (tile.Z >= bands[i].MinZoom) band = i;
            parts.Add((layer.Id, band, bands[band].Sql));
        }
        if (parts.Count == 0) return [];

        string key = string.Join("|", parts.Select(p => p.Id + "#" + p.Band));
        string sql = _statements.GetOrAdd(key, _ => TileSqlBuilder.Combine(parts.Select(p => p.Sql).ToList()));

        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = CommandTimeoutSeconds };
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = tile.Z });
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = tile.X });
        cmd.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = tile.Y });
        foreach (var (id, _, _) in parts)
            cmd.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = id });
        // Prepared once per pooled connection; later calls with the same SQL find the prepared statement.
        await cmd.PrepareAsync(cancellationToken);
        var result = await cmd.ExecuteScalarAsync(cancellationToken);
        return result as byte[] ?? [];
    }

    private IReadOnlyList<TileQueryBand> BandsOf(LayerDefinition layer) => _bands.GetOrAdd(layer, TileSqlBuilder.Build);
}
