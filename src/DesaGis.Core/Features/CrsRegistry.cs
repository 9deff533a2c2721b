using System.Globalization;

namespace DesaGis.Core.Features;

/// <summary>
/// The coordinate reference systems DesaGis speaks: CRS84 (the default), EPSG:4326 with its latitude-first axis
/// order, Web Mercator, DGN95 and the UTM zones that cover Indonesia on both sides of the equator.
/// </summary>
public static class CrsRegistry
{
    public const string Crs84Uri = CrsName.Crs84Uri;
    private const string EpsgPrefix = CrsName.OgcUriPrefix;

    public static CrsDefinition Crs84 { get; } = new(Crs84Uri, 4326, false, true, "WGS 84 longitude/latitude (CRS84)");

    /// <summary>Every supported CRS, CRS84 first.</summary>
    public static IReadOnlyList<CrsDefinition> Supported { get; } = Build();

    private static readonly Dictionary<int, CrsDefinition> ByEpsg =
        Supported.Where(c => !c.IsCrs84).ToDictionary(c => c.Srid);

    private static List<CrsDefinition> Build()
    {
        var list = new List<CrsDefinition>
        {
            Crs84,
            Epsg(4326, true, true, "WGS 84 (latitude, longitude)"),
            Epsg(3857, false, false, "WGS 84 / Pseudo-Mercator"),
            Epsg(4755, true, true, "DGN95 (latitude, longitude)"),
        };
        for (int zone = 46; zone <= 54; zone++)
            list.Add(Epsg(32700 + zone, false, false, $"WGS 84 / UTM zone {zone}S"));
        for (int zone = 46; zone <= 54; zone++)
            list.Add(Epsg(32600 + zone, false, false, $"WGS 84 / UTM zone {zone}N"));
        return list;
    }

    private static CrsDefinition Epsg(int code, bool latFirst, bool geographic, string title) =>
        new(EpsgPrefix + code.ToString(CultureInfo.InvariantCulture), code, latFirst, geographic, title);

    /// <summary>
    /// Resolves a CRS named by its OGC URI (http://www.opengis.net/def/crs/EPSG/0/32750), a CURIE ([EPSG:32750]),
    /// a URN or the short form EPSG:32750 (read by <see cref="CrsName"/>), with EPSG's axis order. Returns null when it
    /// is not one of <see cref="Supported"/>.
    /// </summary>
    public static CrsDefinition? Resolve(string? text) => CrsName.TryParse(text) switch
    {
        { IsCrs84: true } => Crs84,
        { Form: CrsNameForm.EpsgShort or CrsNameForm.OgcUri or CrsNameForm.Urn, Code: var code } => ByEpsg.GetValueOrDefault(code),
        _ => null,
    };

    /// <summary>A short list of accepted names, for error messages.</summary>
    public static string Describe() =>
        $"{Crs84Uri} (default), {EpsgPrefix}4326 (latitude first), {EpsgPrefix}3857, {EpsgPrefix}4755 (DGN95), " +
        $"{EpsgPrefix}32746 … 32754 and 32646 … 32654 (UTM); the short form EPSG:<code> is accepted too";
}
