using System.Globalization;
using System.Text.RegularExpressions;

namespace DesaGis.Data.Import.Crs;

/// <summary>
/// A source coordinate reference system: an EPSG code, or a WKT definition (from a .prj or a GeoPackage) that names
/// no code we recognise.
/// </summary>
public sealed partial record CrsDefinition(int? Srid, string? Wkt, string Label)
{
    /// <summary>WGS 84 longitude/latitude, what every DesaGis table stores.</summary>
    public static CrsDefinition Wgs84 { get; } = new(4326, null, "EPSG:4326");

    public static CrsDefinition FromSrid(int srid) => srid == 4326 ? Wgs84 : new(srid, null, $"EPSG:{srid}");

    /// <summary>
    /// Parses how people write a CRS ("EPSG:32750", "32750", "urn:ogc:def:crs:EPSG::32750", "CRS84",
    /// "http://www.opengis.net/def/crs/EPSG/0/4326"), through the one CRS-name parser the OGC API uses too
    /// (<see cref="DesaGis.Core.Features.CrsName"/>); any EPSG code PostGIS may know is accepted. Null when it is none of these.
    /// </summary>
    public static CrsDefinition? TryParse(string? text) => DesaGis.Core.Features.CrsName.TryParse(text) switch
    {
        { IsCrs84: true } => Wgs84,
        { Code: var srid and >= 1000 and <= 999_999 } => FromSrid(srid),
        _ => null,
    };

    /// <summary>
    /// Reads an ESRI/OGC WKT (a .prj file): the EPSG code when it names one or is a UTM zone on WGS 84 or DGN95,
    /// else the WKT itself for ProjNET to interpret.
    /// </summary>
    public static CrsDefinition FromWkt(string wkt)
    {
        wkt = wkt.Trim();
        var authority = AuthorityPattern().Matches(wkt);
        if (authority.Count > 0)
        {
            // The last AUTHORITY belongs to the outermost definition.
            var code = int.Parse(authority[^1].Groups[1].Value, CultureInfo.InvariantCulture);
            return FromSrid(code);
        }
        bool dgn95 = wkt.Contains("DGN", StringComparison.OrdinalIgnoreCase) || wkt.Contains("Geodesi_Nasional", StringComparison.OrdinalIgnoreCase);
        var utm = UtmPattern().Match(wkt);
        if (utm.Success && wkt.StartsWith("PROJCS", StringComparison.OrdinalIgnoreCase))
        {
            int zone = int.Parse(utm.Groups[1].Value, CultureInfo.InvariantCulture);
            bool north = utm.Groups[2].Value.Equals("N", StringComparison.OrdinalIgnoreCase);
            if (EpsgCodes.UtmSrid(zone, north, dgn95) is { } srid) return FromSrid(srid);
        }
        if (wkt.StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase))
        {
            if (dgn95) return FromSrid(EpsgCodes.Dgn95);
            if (wkt.Contains("WGS_1984", StringComparison.OrdinalIgnoreCase) || wkt.Contains("WGS 84", StringComparison.OrdinalIgnoreCase) ||
                wkt.Contains("WGS84", StringComparison.OrdinalIgnoreCase))
                return Wgs84;
        }
        var name = NamePattern().Match(wkt);
        return new CrsDefinition(null, wkt, name.Success ? name.Groups[1].Value : "WKT");
    }

    public override string ToString() => Label;

    [GeneratedRegex(@"AUTHORITY\[\s*""EPSG""\s*,\s*""?(\d+)""?\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorityPattern();

    [GeneratedRegex(@"UTM[ _]zone[ _](\d{1,2})\s*([NS])", RegexOptions.IgnoreCase)]
    private static partial Regex UtmPattern();

    [GeneratedRegex(@"^[A-Z]+\[\s*""([^""]*)""")]
    private static partial Regex NamePattern();
}
