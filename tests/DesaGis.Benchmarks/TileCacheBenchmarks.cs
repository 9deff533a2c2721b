using BenchmarkDotNet.Attributes;
using DesaGis.Core.Tiles;
using DesaGis.Server.Tiles;

namespace DesaGis.Benchmarks;

/// <summary>The in-process cost of a cache hit and of an eviction scan, apart from HTTP and the database.</summary>
[MemoryDiagnoser]
public class TileCacheBenchmarks
{
    private TileCache _cache = null!;
    private TileCacheKey[] _keys = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _cache = new TileCache(512L * 1024 * 1024);
        _keys = new TileCacheKey[20_000];
        var rng = new Random(1);
        for (int i = 0; i < _keys.Length; i++)
        {
            var t = TileCoord.Create(12, 3200 + rng.Next(400), 2000 + rng.Next(200));
            _keys[i] = new TileCacheKey("village_indicators", t);
            _cache.TryAdd(_keys[i], new CachedTile(new byte[8000], ["village_indicators"], t.Envelope3857()), 0);
        }
    }

    [Benchmark]
    public bool Hit() => _cache.TryGet(_keys[_next++ % _keys.Length], out _);

    [Benchmark]
    public int EvictOneVillage()
    {
        var env = _keys[_next++ % _keys.Length].Tile.Envelope3857();
        return _cache.Invalidate("villages", new DesaGis.Core.BoundingBox(env.CenterX, env.CenterY, env.CenterX + 10, env.CenterY + 10), 1);
    }
}
