using DesaGis.Core.Layers;

namespace DesaGis.Core.Tiles;

/// <summary>
/// Makes Mapbox Vector Tiles. The server and the command line use the same source, so a tile exported to MBTiles
/// is byte for byte the tile the server sends.
/// </summary>
public interface ITileSource
{
    /// <summary>
    /// The MVT of one or more layers (one MVT layer per layer, named by its id, in the given order) for a tile; an
    /// empty array when no layer has a feature there. Each layer carries its own tile profile.
    /// </summary>
    Task<byte[]> GetTileAsync(IReadOnlyList<LayerDefinition> layers, TileCoord tile, CancellationToken cancellationToken);
}
