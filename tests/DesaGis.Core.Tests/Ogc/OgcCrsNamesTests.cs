using DesaGis.Core.Features;
using DesaGis.Core.Ogc;

namespace DesaGis.Core.Tests.Ogc;

public class OgcCrsNamesTests
{
    [Theory]
    [InlineData("CRS:84", false, 4326, false)]
    [InlineData("EPSG:4326", false, 4326, true)]
    [InlineData("EPSG:4326", true, 4326, false)]
    [InlineData("urn:ogc:def:crs:EPSG::4326", true, 4326, true)]
    [InlineData("urn:x-ogc:def:crs:EPSG:4326", true, 4326, true)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326", true, 4326, true)]
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#4326", false, 4326, false)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", false, 4326, false)]
    [InlineData("EPSG:4755", false, 4755, true)]
    [InlineData("EPSG:4755", true, 4755, false)]
    [InlineData("EPSG:900913", false, 3857, false)]
    [InlineData("urn:ogc:def:crs:EPSG::32750", false, 32750, false)]
    [InlineData("EPSG:32648", true, 32648, false)]
    public void Names_resolve_with_the_axis_order_their_form_implies(string name, bool shortFormIsLonLat, int srid, bool latitudeFirst)
    {
        var crs = OgcCrsNames.Resolve(name, shortFormIsLonLat);
        Assert.NotNull(crs);
        Assert.Equal(srid, crs.Srid);
        Assert.Equal(latitudeFirst, crs.LatitudeFirst);
    }

    [Theory]
    [InlineData("EPSG:9999")]
    [InlineData("EPSG:32760")]
    [InlineData("CRS:83")]
    [InlineData("EPSG:4326;DROP")]
    [InlineData("AUTO:42001,9001,114,-2")]
    [InlineData("")]
    public void CRSs_that_are_not_served_resolve_to_nothing(string name)
    {
        Assert.Null(OgcCrsNames.Resolve(name, epsgShortFormIsLonLat: false));
    }

    [Fact]
    public void Every_served_code_is_one_the_OGC_API_serves()
    {
        Assert.Equal(CrsRegistry.Supported.Where(c => !c.IsCrs84).Select(c => c.Srid), OgcCrsNames.SupportedCodes);
        Assert.Equal("urn:ogc:def:crs:EPSG::32750", OgcCrsNames.Urn(32750));
    }

    [Fact]
    public void Map_scale_puts_a_256_pixel_web_mercator_tile_of_zoom_z_at_maplibre_zoom_z_minus_1()
    {
        var tile = DesaGis.Core.Tiles.TileCoord.Create(10, 836, 520).Envelope3857();
        Assert.Equal(9.0, MapScale.Zoom(tile, 256, OgcCrsNames.ByCode(3857, lonLat: false)!), 6);
        // A degree-based box of the same width at the equator is the same zoom.
        Assert.Equal(9.0, MapScale.Zoom(new BoundingBox(0, 0, 360.0 / 1024, 360.0 / 1024), 256, CrsRegistry.Crs84), 6);
    }
}
