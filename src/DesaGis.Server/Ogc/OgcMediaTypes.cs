namespace DesaGis.Server.Ogc;

/// <summary>
/// The media types the server sends and names in links and capabilities, in one place (OGC API, tiles, WMS/WFS,
/// exports, problems).
/// </summary>
public static class OgcMediaTypes
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";
    public const string Html = "text/html";
    public const string SchemaJson = "application/schema+json";
    public const string OpenApi30 = "application/vnd.oai.openapi+json;version=3.0";
    public const string MapboxVectorTile = "application/vnd.mapbox-vector-tile";
    public const string ProblemJson = "application/problem+json";
    public const string Protobuf = "application/x-protobuf";
    public const string Xml = "text/xml";
    public const string Csv = "text/csv";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Pdf = "application/pdf";
    public const string Zip = "application/zip";
}
