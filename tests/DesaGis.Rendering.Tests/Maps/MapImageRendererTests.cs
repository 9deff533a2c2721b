using DesaGis.Core;
using DesaGis.Core.Mapping;
using DesaGis.Rendering.Maps;
using DesaGis.Rendering.Styles;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace DesaGis.Rendering.Tests.Maps;

public class MapImageRendererTests
{
    private static readonly MapStyle Red = MapStyle.Parse("""
        {"version":8,"sources":{},"layers":[{"id":"f","type":"fill","source":"s","source-layer":"a","paint":{"fill-color":"#ff0000"}}]}
        """);

    private static MapData Square(double x0, double y0, double x1, double y1) =>
        new([new FeatureSet("a", [new MapFeature("1", new GeometryFactory().ToGeometry(new Envelope(x0, x1, y0, y1)), new Dictionary<string, object?>())])]);

    [Fact]
    public void Features_in_map_units_are_stretched_linearly_over_the_image()
    {
        // A UTM-like box 2000 × 1000 m over 200 × 100 pixels; the square covers its eastern half.
        var box = new BoundingBox(500_000, 9_600_000, 502_000, 9_601_000);
        var png = MapImageRenderer.Render(Red, Square(501_000, 9_600_000, 502_000, 9_601_000),
            new MapImageRequest(box, 200, 100, 12, MapImageFormat.Png, Transparent: true, SKColors.White));
        using var image = SKBitmap.Decode(png);
        Assert.Equal((200, 100), (image.Width, image.Height));
        Assert.Equal(SKColors.Red, image.GetPixel(150, 50));
        Assert.Equal(0, image.GetPixel(50, 50).Alpha);
    }

    [Fact]
    public void A_box_of_other_proportions_than_the_image_is_stretched_as_WMS_asks()
    {
        var box = new BoundingBox(0, 0, 10, 10);
        var png = MapImageRenderer.Render(Red, Square(0, 0, 10, 5), new MapImageRequest(box, 300, 100, 5, MapImageFormat.Png, false, SKColors.Blue));
        using var image = SKBitmap.Decode(png);
        Assert.Equal(SKColors.Red, image.GetPixel(290, 90));
        Assert.Equal(SKColors.Blue, image.GetPixel(290, 10));
    }

    [Fact]
    public void JPEG_images_have_no_transparency_but_the_background()
    {
        var jpeg = MapImageRenderer.Render(Red, Square(0, 0, 1, 1), new MapImageRequest(new BoundingBox(10, 10, 20, 20), 64, 64, 5, MapImageFormat.Jpeg, true, SKColors.White));
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        using var image = SKBitmap.Decode(jpeg);
        Assert.True(image.GetPixel(32, 32).Red > 240 && image.GetPixel(32, 32).Alpha == 255);
    }
}
