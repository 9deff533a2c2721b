namespace DesaGis.Core.Tests;

public class BoundingBoxTests
{
    [Fact]
    public void Four_numbers_parse_into_a_box()
    {
        Assert.True(BoundingBox.TryParse("114.3,-3.6,114.9,-2.6", out var box, out _));
        Assert.Equal(new BoundingBox(114.3, -3.6, 114.9, -2.6), box);
    }

    [Fact]
    public void Six_numbers_drop_the_heights()
    {
        Assert.True(BoundingBox.TryParse("1,2,0,3,4,10", out var box, out _));
        Assert.Equal(new BoundingBox(1, 2, 3, 4), box);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,2,3")]
    [InlineData("1,2,3,NaN")]
    [InlineData("1,2,3,Infinity")]
    [InlineData("a,b,c,d")]
    [InlineData("0,10,1,5")]
    [InlineData("1e999,0,2,1")]
    public void Malformed_boxes_are_rejected_with_a_reason(string text)
    {
        Assert.False(BoundingBox.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_box_across_the_antimeridian_is_allowed_in_lon_lat_only()
    {
        Assert.True(BoundingBox.TryParse("179,-10,-179,10", out var box, out _));
        Assert.True(box.CrossesAntimeridian);
        Assert.False(BoundingBox.TryParse("179,-10,-179,10", out _, out _, allowAntimeridian: false));
    }
}
