namespace DesaGis.Data.Import.Crs;

/// <summary>The EPSG codes Indonesian data comes in.</summary>
public static class EpsgCodes
{
    public const int Wgs84 = 4326;

    /// <summary>DGN95 (Datum Geodesi Nasional 1995), Indonesia's national datum; WGS 84 ellipsoid, zero shift.</summary>
    public const int Dgn95 = 4755;

    public const int WebMercator = 3857;

    /// <summary>
    /// The EPSG code of a UTM zone on WGS 84 (326zz north, 327zz south) or on DGN95 (23866–23872 for 46N–52N,
    /// 23877–23884 for 47S–54S). Null when EPSG defines no such zone.
    /// </summary>
    public static int? UtmSrid(int zone, bool north, bool dgn95)
    {
        if (zone is < 1 or > 60) return null;
        if (!dgn95) return (north ? 32600 : 32700) + zone;
        if (north && zone is >= 46 and <= 52) return 23866 + zone - 46;
        if (!north && zone is >= 47 and <= 54) return 23877 + zone - 47;
        return null;
    }

    /// <summary>The UTM zone of a code from <see cref="UtmSrid"/>, or null when the code is not a UTM zone.</summary>
    public static (int Zone, bool North)? UtmZone(int srid) => srid switch
    {
        >= 32601 and <= 32660 => (srid - 32600, true),
        >= 32701 and <= 32760 => (srid - 32700, false),
        >= 23866 and <= 23872 => (srid - 23866 + 46, true),
        >= 23877 and <= 23884 => (srid - 23877 + 47, false),
        _ => null,
    };
}
