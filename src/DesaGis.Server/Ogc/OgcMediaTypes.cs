namespace DesaGis.Server.Ogc;

/// <summary>The media types of OGC API Features responses and links.</summary>
public static class OgcMediaTypes
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";
    public const string Html = "text/html";
    public const string SchemaJson = "application/schema+json";
    public const string OpenApi30 = "application/vnd.oai.openapi+json;version=3.0";
    public const string MapboxVectorTile = "application/vnd.mapbox-vector-tile";
}
