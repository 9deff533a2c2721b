using DesaGis.Core;

namespace DesaGis.Server.Tiles;

/// <summary>
/// A size-bounded, least-recently-used tile cache that evicts exactly: a change to a layer inside a box removes
/// the tiles of that layer (alone or in a composite) whose buffered envelope meets the box, and nothing else.
/// A tile made from data older than a change already applied is refused, so a slow render cannot put stale data
/// back after its eviction.
/// </summary>
public sealed class TileCache
{
    private readonly object _lock = new();
    private readonly Dictionary<TileCacheKey, LinkedListNode<(TileCacheKey Key, CachedTile Tile)>> _entries = [];
    private readonly LinkedList<(TileCacheKey Key, CachedTile Tile)> _lru = new();
    private readonly Dictionary<string, long> _lastChange = new(StringComparer.Ordinal);
    private long _lastFlush;
    private long _size;

    public TileCache(long maxBytes) => MaxBytes = maxBytes;

    public long MaxBytes { get; }
    public bool Enabled => MaxBytes > 0;

    public int Count { get { lock (_lock) return _entries.Count; } }
    public long SizeBytes { get { lock (_lock) return _size; } }

    public bool TryGet(TileCacheKey key, out CachedTile tile)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _lru.Remove(node);
                _lru.AddFirst(node);
                tile = node.Value.Tile;
                return true;
            }
        }
        tile = null!;
        return false;
    }

    public bool Contains(TileCacheKey key)
    {
        lock (_lock) return _entries.ContainsKey(key);
    }

    /// <summary>
    /// Stores a tile made from data at least as new as <paramref name="dataVersion"/>; refuses it when one of its
    /// layers changed after that version (the tile may predate the change).
    /// </summary>
    public bool TryAdd(TileCacheKey key, CachedTile tile, long dataVersion)
    {
        if (!Enabled || tile.Size > MaxBytes) return false;
        lock (_lock)
        {
            if (_lastFlush > dataVersion) return false;
            foreach (var layer in tile.Layers)
                if (_lastChange.TryGetValue(layer, out long changed) && changed > dataVersion) return false;
            if (_entries.TryGetValue(key, out var existing)) Remove(existing);
            _entries[key] = _lru.AddFirst((key, tile));
            _size += tile.Size;
            while (_size > MaxBytes && _lru.Last is { } last) Remove(last);
            return true;
        }
    }

    /// <summary>Evicts the tiles of a layer that meet an EPSG:3857 box (all of the layer's tiles when the box is null).</summary>
    public int Invalidate(string layer, BoundingBox? box3857, long version)
    {
        lock (_lock)
        {
            _lastChange[layer] = Math.Max(version, _lastChange.GetValueOrDefault(layer));
            var doomed = new List<LinkedListNode<(TileCacheKey, CachedTile)>>();
            for (var node = _lru.First; node is not null; node = node.Next)
            {
                var tile = node.Value.Item2;
                if (tile.Layers.Contains(layer) && (box3857 is null || tile.Envelope3857.Intersects(box3857.Value)))
                    doomed.Add(node);
            }
            foreach (var node in doomed) Remove(node);
            return doomed.Count;
        }
    }

    /// <summary>Evicts everything (the change log could not say what changed).</summary>
    public void Clear(long version)
    {
        lock (_lock)
        {
            _lastFlush = Math.Max(_lastFlush, version);
            _entries.Clear();
            _lru.Clear();
            _size = 0;
        }
    }

    private void Remove(LinkedListNode<(TileCacheKey Key, CachedTile Tile)> node)
    {
        _lru.Remove(node);
        _entries.Remove(node.Value.Key);
        _size -= node.Value.Tile.Size;
    }
}
