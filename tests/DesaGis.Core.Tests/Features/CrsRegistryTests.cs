using DesaGis.Core.Features;

namespace DesaGis.Core.Tests.Features;

public class CrsRegistryTests
{
    [Theory]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true)]
    [InlineData("EPSG:4326", 4326, true)]
    [InlineData("[EPSG:3857]", 3857, false)]
    [InlineData("https://www.opengis.net/def/crs/EPSG/0/4755", 4755, true)]
    [InlineData("EPSG:32746", 32746, false)]
    [InlineData("EPSG:32754", 32754, false)]
    [InlineData("EPSG:32646", 32646, false)]
    [InlineData("EPSG:32654", 32654, false)]
    public void Supported_CRSs_resolve_with_their_axis_order(string text, int srid, bool latitudeFirst)
    {
        var crs = CrsRegistry.Resolve(text);
        Assert.NotNull(crs);
        Assert.Equal(srid, crs.Srid);
        Assert.Equal(latitudeFirst, crs.LatitudeFirst);
    }

    [Theory]
    [InlineData("EPSG:32745")]
    [InlineData("EPSG:32655")]
    [InlineData("EPSG:27700")]
    [InlineData("EPSG:4326x")]
    [InlineData("")]
    [InlineData("http://example.com/crs/4326")]
    public void Other_CRSs_are_not_supported(string text) => Assert.Null(CrsRegistry.Resolve(text));

    [Fact]
    public void The_Content_Crs_header_is_the_URI_in_angle_brackets() =>
        Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", CrsRegistry.Crs84.HeaderValue);
}
