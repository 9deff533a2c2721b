namespace DesaGis.Server.Ows;

/// <summary>
/// The most recently drawn WMS images, bounded in bytes and keyed by what they show. An entry carries the data
/// version (the layer change log's, as tiles and collection extents use it) it was drawn at and is only served while
/// no change has been committed since, so a tiled WMS client sees a moved border on its very next request.
/// </summary>
public sealed class WmsImageCache(long capacityBytes)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private long _bytes;

    private sealed record Entry(string Key, long Version, byte[] Image);

    public bool Enabled => capacityBytes > 0;

    /// <summary>The image drawn for the key at <paramref name="version"/> or later, if it is still held.</summary>
    public byte[]? Get(string key, long version)
    {
        if (!Enabled) return null;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node)) return null;
            if (node.Value.Version < version)
            {
                Remove(node);
                return null;
            }
            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Image;
        }
    }

    /// <summary>Keeps an image drawn at a data version; the least recently used images make room.</summary>
    public void Add(string key, long version, byte[] image)
    {
        if (!Enabled || image.Length > capacityBytes / 8) return;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var old)) Remove(old);
            var node = _order.AddFirst(new Entry(key, version, image));
            _entries[key] = node;
            _bytes += image.Length;
            while (_bytes > capacityBytes && _order.Last is { } last) Remove(last);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _order.Remove(node);
        _entries.Remove(node.Value.Key);
        _bytes -= node.Value.Image.Length;
    }
}
