using System.ComponentModel.DataAnnotations;

namespace DesaGis.Server.Tiles;

/// <summary>Vector tile settings, bound from <c>DesaGis:Tiles</c>.</summary>
public sealed class TileOptions
{
    public const string Section = "DesaGis:Tiles";

    /// <summary>Largest size of the in-memory tile cache in megabytes (uncompressed and compressed copies counted); 0 turns it off.</summary>
    [Range(0, 65536)]
    public int CacheMegabytes { get; set; } = 256;

    /// <summary>
    /// The Cache-Control header of tiles. The default lets browsers keep tiles but revalidate them with the ETag,
    /// so a changed village is never shown stale; a deployment that accepts minutes of staleness can set max-age.
    /// </summary>
    public string CacheControl { get; set; } = "public, no-cache";

    /// <summary>
    /// Lease (default): cached tiles are served from memory while the server holds a tile lease, which every
    /// transaction that changes a layer must wait for (the server lets go within milliseconds when asked, and checks
    /// per request until the writer has committed). Strict: before a cached tile is served, the server reads the
    /// change log in a round trip shared with every concurrent request. Both never serve a tile older than a change
    /// committed before the request; Lease makes writers wait a few milliseconds instead of readers.
    /// </summary>
    public TileConsistency Consistency { get; set; } = TileConsistency.Lease;

    /// <summary>
    /// How often the lease is renewed, in milliseconds. A lease not renewed for twice this plus 1 s is no longer
    /// trusted; writers end a lease holder's session only after desagis.tile_lease_timeout (5 s), far beyond that.
    /// </summary>
    [Range(10, 1000)]
    public int LeaseRenewMilliseconds { get; set; } = 50;

    /// <summary>
    /// How many tiles the database renders at once (cache misses; identical requests share one render). 0 (default):
    /// the number of this machine's cores, which is about what the database can run in parallel when it shares the
    /// machine; set it to the database's cores when it runs elsewhere. More at once only lengthens every render.
    /// </summary>
    [Range(0, 1024)]
    public int RenderConcurrency { get; set; }

    /// <summary>Renders that may wait for a slot; one more is answered 503 with Retry-After at once.</summary>
    [Range(0, 100_000)]
    public int RenderQueue { get; set; } = 64;

    /// <summary>How long a render waits in the queue, in milliseconds, before its requests are answered 503 with Retry-After.</summary>
    [Range(1, 60_000)]
    public int RenderQueueWaitMilliseconds { get; set; } = 2000;

    /// <summary>The render slots in force: <see cref="RenderConcurrency"/>, or the core count when it is 0.</summary>
    public int EffectiveRenderConcurrency => RenderConcurrency > 0 ? RenderConcurrency : Environment.ProcessorCount;

    /// <summary>The folder of MapLibre styles; found by walking up from the server to the repository's styles/ when unset.</summary>
    public string? StylesDirectory { get; set; }

    /// <summary>Folders searched for the TrueType fonts that glyph PBFs are made from.</summary>
    public string[] FontDirectories { get; set; } = ["/usr/share/fonts/truetype"];
}
