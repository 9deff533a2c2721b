using DesaGis.Server.Ogc;
namespace DesaGis.Server.Ows;

/// <summary>The names clients give the output formats, and the media types answers carry.</summary>
public static class WfsOutputFormats
{
    public const string Gml32MediaType = "application/gml+xml; version=3.2";
    public const string Gml31MediaType = "text/xml; subtype=gml/3.1.1";
    public const string GeoJsonMediaType = OgcMediaTypes.Json;

    /// <summary>The names capabilities announce for a version.</summary>
    public static IEnumerable<string> Announced(WfsVersion version) => version == WfsVersion.V200
        ? [Gml32MediaType, "text/xml; subtype=gml/3.2", OgcMediaTypes.Json, OgcMediaTypes.GeoJson]
        : [Gml31MediaType, OgcMediaTypes.Json];

    /// <summary>
    /// The format an OUTPUTFORMAT names; null when it is not served. The comparison ignores case, spaces and '+' (which
    /// an unencoded query string turns into a space).
    /// </summary>
    public static WfsOutputFormat? Resolve(string? text, WfsVersion version)
    {
        if (text is null) return version == WfsVersion.V200 ? WfsOutputFormat.Gml32 : WfsOutputFormat.Gml31;
        var t = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '+' && c != '"').ToArray()).ToLowerInvariant();
        return t switch
        {
            "application/gmlxml;version=3.2" or "text/xml;subtype=gml/3.2" or "text/xml;subtype=gml/3.2.1" or "gml32" or "application/gmlxml" =>
                WfsOutputFormat.Gml32,
            "text/xml;subtype=gml/3.1.1" or "gml3" or "gml31" or OgcMediaTypes.Xml => version == WfsVersion.V200 && t == OgcMediaTypes.Xml ? WfsOutputFormat.Gml32 : WfsOutputFormat.Gml31,
            OgcMediaTypes.Json or "application/geojson" or "application/geojson;charset=utf-8" or "json" or "geojson" or "application/vnd.geo+json" =>
                WfsOutputFormat.GeoJson,
            _ => t.StartsWith("application/geojson", StringComparison.Ordinal) ? WfsOutputFormat.GeoJson : null,
        };
    }

    /// <summary>
    /// The Content-Type of an answer. HTTP wants the subtype of GML 3.1.1 quoted (it holds a '/'), which strict HTTP
    /// clients otherwise refuse to parse; capabilities name the format as the standard writes it.
    /// </summary>
    public static string MediaType(WfsOutputFormat format) => format switch
    {
        WfsOutputFormat.Gml32 => Gml32MediaType,
        WfsOutputFormat.Gml31 => "text/xml; subtype=\"gml/3.1.1\"",
        _ => GeoJsonMediaType,
    };
}
