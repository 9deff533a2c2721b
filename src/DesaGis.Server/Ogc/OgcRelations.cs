namespace DesaGis.Server.Ogc;

/// <summary>Link relations used by OGC API Features (IANA registered names and OGC URIs).</summary>
public static class OgcRelations
{
    public const string Self = "self";
    public const string Alternate = "alternate";
    public const string ServiceDesc = "service-desc";
    public const string ServiceDoc = "service-doc";
    public const string Conformance = "conformance";
    public const string Data = "data";
    public const string Items = "items";
    public const string Collection = "collection";
    public const string Next = "next";
    public const string Prev = "prev";
    public const string Queryables = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    public const string TilesetsVector = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

    /// <summary>Not an IANA relation: the TileJSON of a layer and the tile catalogue, for web maps.</summary>
    public const string Tiles = "tiles";
    public const string Viewer = "related";
}
