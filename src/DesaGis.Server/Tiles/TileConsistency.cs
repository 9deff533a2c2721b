namespace DesaGis.Server.Tiles;

/// <summary>How a cached tile is checked against the database before it is served (see <see cref="TileOptions.Consistency"/>).</summary>
public enum TileConsistency
{
    Strict,
    Notify,
}
