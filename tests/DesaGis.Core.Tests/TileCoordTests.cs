using DesaGis.Core.Tiles;

namespace DesaGis.Core.Tests;

public class TileCoordTests
{
    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(25, 0, 0)]
    [InlineData(3, 8, 0)]
    [InlineData(3, 0, -1)]
    [InlineData(0, 1, 0)]
    public void Tiles_outside_the_matrix_are_rejected_with_a_reason(long z, long x, long y)
    {
        Assert.Null(TileCoord.TryCreate(z, x, y, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void The_zoom_zero_tile_covers_the_whole_mercator_world()
    {
        var env = TileCoord.Create(0, 0, 0).Envelope3857();
        Assert.Equal(-WebMercator.HalfWorld, env.MinX, 6);
        Assert.Equal(WebMercator.HalfWorld, env.MaxY, 6);
        Assert.Equal(WebMercator.WorldSize, env.Width, 6);
    }

    [Fact]
    public void A_point_in_Barito_Kuala_falls_in_the_tile_whose_envelope_contains_it()
    {
        const double lon = 114.6, lat = -3.0;
        var tile = WebMercator.TileAt(lon, lat, 12);
        var box = tile.EnvelopeLonLat();
        Assert.InRange(lon, box.MinX, box.MaxX);
        Assert.InRange(lat, box.MinY, box.MaxY);
        Assert.Equal(tile, TileCoord.Create(tile.Z, tile.X, tile.Y));
    }

    [Fact]
    public void Tms_rows_count_from_the_south()
    {
        Assert.Equal(7, TileCoord.Create(3, 2, 0).TmsY);
        Assert.Equal(0, TileCoord.Create(3, 2, 7).TmsY);
    }

    [Fact]
    public void Tiles_covering_a_box_include_both_corners()
    {
        var box = new BoundingBox(114.3, -3.6, 114.9, -2.6);
        var tiles = WebMercator.TilesCovering(box, 10).ToList();
        Assert.Contains(WebMercator.TileAt(114.3, -2.6, 10), tiles);
        Assert.Contains(WebMercator.TileAt(114.9, -3.6, 10), tiles);
        Assert.Equal(tiles.Count, tiles.Distinct().Count());
    }
}
