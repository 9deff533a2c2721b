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
    /// Strict (default): before a cached tile is served, the server reads the change log in a round trip shared with
    /// every concurrent request, so a change committed before the request is never served stale. Notify: cached tiles
    /// are served at once and changes arrive by LISTEN/NOTIFY within milliseconds (falling back to strict while the
    /// listener is down).
    /// </summary>
    public TileConsistency Consistency { get; set; } = TileConsistency.Strict;

    /// <summary>Seconds between change-log polls when no notification arrives (they also evict early).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>The folder of MapLibre styles; found by walking up from the server to the repository's styles/ when unset.</summary>
    public string? StylesDirectory { get; set; }

    /// <summary>Folders searched for the TrueType fonts that glyph PBFs are made from.</summary>
    public string[] FontDirectories { get; set; } = ["/usr/share/fonts/truetype"];
}
