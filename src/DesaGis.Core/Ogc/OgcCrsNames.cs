using System.Globalization;
using DesaGis.Core.Features;

namespace DesaGis.Core.Ogc;

/// <summary>
/// The CRS names of the classic OGC web services (WMS, WFS, GML and Filter Encoding) and their axis orders. The same
/// EPSG code means different axis orders there depending on how it is written: <c>EPSG:4326</c> is longitude first in
/// WMS 1.1.1 and by long-standing practice in WFS, latitude first in WMS 1.3.0; the URN and the OGC URI forms always
/// follow the EPSG database (latitude first for geographic CRSs). Resolving a name gives a
/// <see cref="CrsDefinition"/> whose <see cref="CrsDefinition.LatitudeFirst"/> says how coordinates written in it are
/// ordered, so the rest of the server never guesses.
/// </summary>
public static class OgcCrsNames
{
    private const string UrnEpsg = "urn:ogc:def:crs:EPSG::";
    private const string UriEpsg = CrsName.OgcUriPrefix;

    /// <summary>EPSG:4326 with longitude first, as WMS 1.1.1 and WFS write <c>EPSG:4326</c>.</summary>
    private static readonly CrsDefinition Wgs84LonLat = CrsRegistry.Crs84;

    /// <summary>DGN95 with longitude first.</summary>
    private static readonly CrsDefinition Dgn95LonLat = new(UriEpsg + "4755", 4755, false, true, "DGN95 (longitude, latitude)");

    /// <summary>The EPSG codes the services answer in (those of <see cref="CrsRegistry.Supported"/>), in the registry's order.</summary>
    public static IReadOnlyList<int> SupportedCodes { get; } =
        CrsRegistry.Supported.Where(c => !c.IsCrs84).Select(c => c.Srid).Distinct().ToList();

    /// <summary>
    /// Resolves a CRS name. <paramref name="epsgShortFormIsLonLat"/> says how the short form <c>EPSG:n</c> orders the
    /// axes of geographic CRSs: true for WMS 1.1.1 and WFS (the long-standing practice of GeoServer and MapServer),
    /// false for WMS 1.3.0, which follows the EPSG database. Returns null for a CRS that is not served.
    /// </summary>
    public static CrsDefinition? Resolve(string? name, bool epsgShortFormIsLonLat) => CrsName.TryParse(name) switch
    {
        { IsCrs84: true } => CrsRegistry.Crs84,
        { Form: CrsNameForm.EpsgShort, Code: var code } => ByCode(code, lonLat: epsgShortFormIsLonLat),
        { Form: CrsNameForm.GmlSrs, Code: var code } => ByCode(code, lonLat: true),
        { Form: CrsNameForm.Urn or CrsNameForm.OgcUri, Code: var code } => ByCode(code, lonLat: false),
        _ => null,
    };

    /// <summary>The CRS of an EPSG code with the requested axis order for geographic CRSs; null when not served.</summary>
    public static CrsDefinition? ByCode(int code, bool lonLat)
    {
        // Old clients still name Web Mercator by its unofficial codes.
        if (code is 900913 or 3785 or 102100 or 102113) code = 3857;
        var crs = CrsRegistry.Resolve("EPSG:" + code.ToString(CultureInfo.InvariantCulture));
        if (crs is null || !crs.LatitudeFirst || !lonLat) return crs;
        return code == 4326 ? Wgs84LonLat : Dgn95LonLat;
    }

    /// <summary>The WFS 2.0 / GML name of a code: <c>urn:ogc:def:crs:EPSG::32750</c> (EPSG axis order).</summary>
    public static string Urn(int code) => UrnEpsg + code.ToString(CultureInfo.InvariantCulture);

    /// <summary>The short name of a code: <c>EPSG:32750</c>.</summary>
    public static string Short(int code) => "EPSG:" + code.ToString(CultureInfo.InvariantCulture);
}
