using System.Xml;

namespace DesaGis.Server.Ows;

/// <summary>
/// Writes exception reports the way each service defines them: WMS 1.3.0's <c>ServiceExceptionReport</c>
/// (text/xml), WMS 1.1.1's (application/vnd.ogc.se_xml), and the OWS Common <c>ExceptionReport</c> of WFS 2.0
/// (OWS 1.1) and WFS 1.1.0 (OWS 1.0). The HTTP status says the same as the code: 400 for a bad request, 404 for an
/// unknown layer, 403 for a restricted one, 503 when the database is unavailable.
/// </summary>
public static class OwsExceptionWriter
{
    public const string Wms111MediaType = "application/vnd.ogc.se_xml";
    public const string XmlMediaType = "text/xml; charset=UTF-8";

    public static byte[] Body(OwsException ex, OwsDialect dialect, OwsLanguage language, out string mediaType)
    {
        var message = OwsXml.Clean(ex.Text.In(language));
        switch (dialect)
        {
            case OwsDialect.Wms111:
                mediaType = Wms111MediaType + "; charset=UTF-8";
                return OwsXml.Write(w =>
                {
                    w.WriteStartElement("ServiceExceptionReport");
                    w.WriteAttributeString("version", "1.1.1");
                    WriteWmsException(w, ex, message, null, ex.Code == OwsCodes.InvalidCrs ? OwsCodes.InvalidSrs : ex.Code);
                    w.WriteEndElement();
                });
            case OwsDialect.Wms130:
                mediaType = XmlMediaType;
                return OwsXml.Write(w =>
                {
                    w.WriteStartElement("ServiceExceptionReport", OwsXml.Ogc);
                    w.WriteAttributeString("version", "1.3.0");
                    w.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
                    w.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi, OwsXml.Ogc + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
                    WriteWmsException(w, ex, message, OwsXml.Ogc, ex.Code);
                    w.WriteEndElement();
                });
            default:
                bool v2 = dialect == OwsDialect.Wfs200;
                string ns = v2 ? OwsXml.Ows11 : OwsXml.Ows10;
                mediaType = XmlMediaType;
                return OwsXml.Write(w =>
                {
                    w.WriteStartElement("ows", "ExceptionReport", ns);
                    w.WriteAttributeString("version", v2 ? "2.0.0" : "1.0.0");
                    w.WriteAttributeString("xml", "lang", null, OwsLanguages.Code(language));
                    w.WriteAttributeString("xmlns", "xsi", null, OwsXml.Xsi);
                    w.WriteAttributeString("xsi", "schemaLocation", OwsXml.Xsi,
                        ns + (v2 ? " http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd" : " http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd"));
                    w.WriteStartElement("ows", "Exception", ns);
                    w.WriteAttributeString("exceptionCode", ex.Code);
                    if (ex.Locator is { Length: > 0 } locator) w.WriteAttributeString("locator", OwsXml.Clean(OwsParameters.Shorten(locator, 60)));
                    w.WriteElementString("ows", "ExceptionText", ns, message);
                    w.WriteEndElement();
                    w.WriteEndElement();
                });
        }
    }

    // WMS 1.1.1 calls the CRS an SRS (InvalidSRS); the other codes are shared.
    private static void WriteWmsException(XmlWriter w, OwsException ex, string message, string? ns, string code)
    {
        w.WriteStartElement("ServiceException", ns);
        w.WriteAttributeString("code", code);
        if (ex.Locator is { Length: > 0 } locator) w.WriteAttributeString("locator", OwsXml.Clean(OwsParameters.Shorten(locator, 60)));
        w.WriteString(message);
        w.WriteEndElement();
    }

    /// <summary>Writes the exception as the response.</summary>
    public static async Task WriteAsync(HttpContext http, OwsException ex, OwsDialect dialect, OwsLanguage language)
    {
        var body = Body(ex, dialect, language, out var mediaType);
        var response = http.Response;
        response.StatusCode = ex.Status;
        response.ContentType = mediaType;
        response.Headers.CacheControl = "no-store";
        response.ContentLength = body.Length;
        if (ex.Status == StatusCodes.Status503ServiceUnavailable) response.Headers.RetryAfter = "5";
        await response.Body.WriteAsync(body, http.RequestAborted);
    }
}
