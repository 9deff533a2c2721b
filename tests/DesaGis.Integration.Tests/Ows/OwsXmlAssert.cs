using System.Xml.Linq;

namespace DesaGis.Integration.Tests.Ows;

/// <summary>Reads WMS/WFS answers the way a client does: status, media type and the XML document.</summary>
public static class OwsXmlAssert
{
    public static readonly XNamespace Wms = "http://www.opengis.net/wms";
    public static readonly XNamespace Ogc = "http://www.opengis.net/ogc";
    public static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    public static readonly XNamespace Wfs = "http://www.opengis.net/wfs/2.0";
    public static readonly XNamespace Wfs11 = "http://www.opengis.net/wfs";
    public static readonly XNamespace Gml = "http://www.opengis.net/gml/3.2";
    public static readonly XNamespace Gml31 = "http://www.opengis.net/gml";
    public static readonly XNamespace Fes = "http://www.opengis.net/fes/2.0";
    public static readonly XNamespace Ns = "https://desagis.id/ns/features";

    /// <summary>GETs a URL that must answer 200 with XML, and parses it.</summary>
    public static async Task<XDocument> GetXmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body}");
        Assert.Contains("xml", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        return XDocument.Parse(body);
    }

    /// <summary>
    /// GETs a URL that must fail with the given status and a service exception of the given code, and returns the
    /// exception's text.
    /// </summary>
    public static async Task<string> GetExceptionAsync(HttpClient client, string url, int status, string code)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"GET {url} → {(int)response.StatusCode} (expected {status}): {body}");
        var doc = XDocument.Parse(body);
        var exception = doc.Descendants().FirstOrDefault(e => e.Name.LocalName is "ServiceException" or "Exception")
            ?? throw new Xunit.Sdk.XunitException($"No service exception in: {body}");
        var actual = (string?)exception.Attribute("code") ?? (string?)exception.Attribute("exceptionCode");
        Assert.Equal(code, actual);
        return exception.Value.Trim();
    }
}
