using DesaGis.Core.Features;

namespace DesaGis.Core.Tests.Features;

public class CrsNameTests
{
    [Theory]
    [InlineData("CRS84", 4326, CrsNameForm.Crs84)]
    [InlineData("CRS:84", 4326, CrsNameForm.Crs84)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", 4326, CrsNameForm.Crs84)]
    [InlineData("https://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, CrsNameForm.Crs84)]
    [InlineData("EPSG:32750", 32750, CrsNameForm.EpsgShort)]
    [InlineData("[EPSG:3857]", 3857, CrsNameForm.EpsgShort)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4755", 4755, CrsNameForm.OgcUri)]
    [InlineData("urn:ogc:def:crs:EPSG::32750", 32750, CrsNameForm.Urn)]
    [InlineData("urn:ogc:def:crs:EPSG:6.6:4326", 4326, CrsNameForm.Urn)]
    [InlineData("urn:x-ogc:def:crs:EPSG:4326", 4326, CrsNameForm.Urn)]
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#4326", 4326, CrsNameForm.GmlSrs)]
    [InlineData(" 32750 ", 32750, CrsNameForm.Code)]
    public void Every_way_of_writing_a_CRS_reads_as_its_code_and_form(string text, int code, CrsNameForm form)
    {
        Assert.Equal(new CrsName(code, form), CrsName.TryParse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("EPSG:4326x")]
    [InlineData("EPSG:4326;DROP")]
    [InlineData("12")]
    [InlineData("http://example.com/crs/4326")]
    [InlineData("AUTO:42001,9001,114,-2")]
    public void Anything_else_is_not_a_CRS_name(string text) => Assert.Null(CrsName.TryParse(text));

    [Fact]
    public void The_OGC_API_and_the_classic_services_read_names_alike()
    {
        foreach (var name in new[] { "EPSG:32750", "http://www.opengis.net/def/crs/EPSG/0/3857", "urn:ogc:def:crs:EPSG::32648", "CRS84" })
            Assert.Equal(CrsRegistry.Resolve(name)?.Srid, DesaGis.Core.Ogc.OgcCrsNames.Resolve(name, epsgShortFormIsLonLat: false)?.Srid);
    }
}
