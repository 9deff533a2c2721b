using System.Globalization;

namespace DesaGis.Core.Features;

/// <summary>
/// A CRS name as people and clients write it, reduced to its EPSG code and the form it was written in. The one parser
/// of CRS names: the OGC API (<see cref="CrsRegistry"/>), the classic OGC services (<c>OgcCrsNames</c>) and the
/// importers all read names through it, and each decides which forms and codes it serves.
/// </summary>
/// <param name="Code">The EPSG code (4326 for CRS84).</param>
/// <param name="Form">How it was written.</param>
public sealed record CrsName(int Code, CrsNameForm Form)
{
    /// <summary>Longest name worth reading; anything longer is not a CRS name.</summary>
    public const int MaxLength = 200;

    /// <summary>The prefix of OGC URIs of EPSG codes.</summary>
    public const string OgcUriPrefix = "http://www.opengis.net/def/crs/EPSG/0/";

    /// <summary>The URI of OGC CRS84.</summary>
    public const string Crs84Uri = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private static readonly string[] Crs84Names =
    [
        "CRS84", "CRS:84", "OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", Crs84Uri,
    ];

    /// <summary>True for OGC CRS84.</summary>
    public bool IsCrs84 => Form == CrsNameForm.Crs84;

    /// <summary>
    /// Reads a name: any spelling of CRS84; <c>EPSG:n</c>; the OGC URI (http or https) and its CURIE
    /// <c>[EPSG:n]</c>; the URNs <c>urn:ogc:def:crs:EPSG:[version]:n</c> and <c>urn:x-ogc:def:crs:EPSG:[version:]n</c>;
    /// the GML <c>…/gml/srs/epsg.xml#n</c>; or a bare code of 4–6 digits. Null for anything else.
    /// </summary>
    public static CrsName? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return null;
        var t = text.Trim();
        if (t.Length > 2 && t[0] == '[' && t[^1] == ']') t = t[1..^1];
        if (t.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) t = "http://" + t[8..];
        if (Crs84Names.Any(n => string.Equals(t, n, StringComparison.OrdinalIgnoreCase))) return new CrsName(4326, CrsNameForm.Crs84);
        if (After(t, "EPSG:") is { } shortForm) return Read(shortForm, CrsNameForm.EpsgShort);
        if (After(t, OgcUriPrefix) is { } uri) return Read(uri, CrsNameForm.OgcUri);
        if (After(t, "http://www.opengis.net/gml/srs/epsg.xml#") is { } gml) return Read(gml, CrsNameForm.GmlSrs);
        if ((After(t, "urn:ogc:def:crs:EPSG:") ?? After(t, "urn:x-ogc:def:crs:EPSG:")) is { } urn)
        {
            // A version may stand between the authority and the code: urn:ogc:def:crs:EPSG:6.6:4326.
            int colon = urn.LastIndexOf(':');
            return Read(colon < 0 ? urn : urn[(colon + 1)..], CrsNameForm.Urn);
        }
        return t.Length is >= 4 and <= 6 ? Read(t, CrsNameForm.Code) : null;
    }

    private static string? After(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text[prefix.Length..] : null;

    private static CrsName? Read(string digits, CrsNameForm form) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int code) && code > 0 ? new CrsName(code, form) : null;
}
