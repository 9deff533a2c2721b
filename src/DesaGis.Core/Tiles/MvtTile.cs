namespace DesaGis.Core.Tiles;

/// <summary>The shape of every Mapbox Vector Tile DesaGis makes.</summary>
public static class MvtTile
{
    /// <summary>MVT extent: the tile's width in integer units (MVT 2.1 default).</summary>
    public const int Extent = 4096;

    /// <summary>Units drawn beyond the tile edge so that strokes and fills join seamlessly across tiles.</summary>
    public const int Buffer = 64;
}
