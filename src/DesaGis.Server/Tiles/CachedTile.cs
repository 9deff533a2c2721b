using System.IO.Compression;
using System.Security.Cryptography;
using DesaGis.Core;

namespace DesaGis.Server.Tiles;

/// <summary>
/// One made tile with its ETag and compressed copies. The copies are made once, on first demand, so a cached tile
/// is served compressed without compressing it again.
/// </summary>
public sealed class CachedTile
{
    private byte[]? _gzip;
    private byte[]? _brotli;

    public CachedTile(byte[] mvt, IReadOnlyList<string> layers, BoundingBox envelope3857)
    {
        Mvt = mvt;
        Layers = layers;
        Envelope3857 = envelope3857;
        ETagValue = mvt.Length == 0 ? "empty" : Convert.ToHexString(SHA256.HashData(mvt).AsSpan(0, 12)).ToLowerInvariant();
        ETag = $"\"{ETagValue}\"";
        ETagGzip = $"\"{ETagValue}-gz\"";
        ETagBrotli = $"\"{ETagValue}-br\"";
    }

    public byte[] Mvt { get; }
    public IReadOnlyList<string> Layers { get; }

    /// <summary>The tile's envelope with the MVT buffer: any change meeting it may change the tile.</summary>
    public BoundingBox Envelope3857 { get; }

    /// <summary>The content hash, without quotes or encoding suffix.</summary>
    public string ETagValue { get; }

    /// <summary>The ETag headers of the plain, gzip and brotli bodies, made once rather than per request.</summary>
    public string ETag { get; }
    public string ETagGzip { get; }
    public string ETagBrotli { get; }

    public bool IsEmpty => Mvt.Length == 0;

    /// <summary>
    /// Bytes charged against the cache's size bound: the tile and room for its compressed copies (MVT compresses to
    /// well under half), fixed at creation so that the cache's accounting never drifts.
    /// </summary>
    public long Size => Mvt.Length * 2L + 256;

    public byte[] Gzip => _gzip ??= Compress(Mvt, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));

    public byte[] Brotli => _brotli ??= Compress(Mvt, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static byte[] Compress(byte[] data, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var stream = wrap(output))
            stream.Write(data);
        return output.ToArray();
    }
}
