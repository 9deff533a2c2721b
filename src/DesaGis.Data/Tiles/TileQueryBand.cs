namespace DesaGis.Data.Tiles;

/// <summary>A layer's MVT query fragment used from <paramref name="MinZoom"/> up to the next band.</summary>
public sealed record TileQueryBand(int MinZoom, string Sql);
