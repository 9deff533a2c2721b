namespace DesaGis.Server.Tiles;

/// <summary>How a cached tile is kept from being served stale (see <see cref="TileOptions.Consistency"/>).</summary>
public enum TileConsistency
{
    /// <summary>Serve from memory while holding a tile lease that no change can commit past (migration 0063).</summary>
    Lease,

    /// <summary>Read the change log before every answer (one read shared by concurrent requests).</summary>
    Strict,
}
