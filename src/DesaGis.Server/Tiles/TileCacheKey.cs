using DesaGis.Core.Tiles;

namespace DesaGis.Server.Tiles;

/// <summary>A cached tile's identity: the layer set as requested ("a,b") and the tile.</summary>
public readonly record struct TileCacheKey(string Layers, TileCoord Tile);
