namespace DesaGis.Core.Features;

/// <summary>
/// A coordinate reference system the server can answer in or accept coordinates in.
/// </summary>
/// <param name="Uri">The OGC URI that names it in requests and in the Content-Crs header.</param>
/// <param name="Srid">The PostGIS SRID (EPSG code; CRS84 uses 4326 with longitude first).</param>
/// <param name="LatitudeFirst">
/// Whether its axis order is latitude, longitude (EPSG:4326 and EPSG:4755 as EPSG defines them). PostGIS stores
/// longitude first, so these need their axes swapped on the way in and out.
/// </param>
/// <param name="Geographic">Whether coordinates are degrees (else metres).</param>
/// <param name="Title">A human name.</param>
public sealed record CrsDefinition(string Uri, int Srid, bool LatitudeFirst, bool Geographic, string Title)
{
    /// <summary>Decimal places worth writing: ~1 cm either way.</summary>
    public int Decimals => Geographic ? 7 : 2;

    /// <summary>The value of the Content-Crs header: the URI in angle brackets.</summary>
    public string HeaderValue => "<" + Uri + ">";

    /// <summary>
    /// The coordinates this CRS accepts, in its own x/y (longitude/latitude or easting/northing) order: the world in
    /// degrees, Web Mercator's square, and for a UTM zone its own band widened by about a zone on either side and a
    /// little past the equator (Indonesia lies on both sides of it). PROJ refuses to project points far outside a
    /// zone; refusing them here names the CRS and its area instead of failing in the database.
    /// </summary>
    public BoundingBox Domain => Srid switch
    {
        3857 => new BoundingBox(-20037508.3428, -20048966.1041, 20037508.3428, 20048966.1041),
        >= 32701 and <= 32760 => new BoundingBox(-1_000_000, 1_000_000, 2_000_000, 11_100_000),
        >= 32601 and <= 32660 => new BoundingBox(-1_000_000, -1_100_000, 2_000_000, 9_400_000),
        _ => new BoundingBox(-180, -90, 180, 90),
    };

    /// <summary>Whether a box (in this CRS's x/y order) lies within <see cref="Domain"/>.</summary>
    public bool Accepts(BoundingBox box) =>
        Geographic
            ? Math.Abs(box.MinX) <= 180 && Math.Abs(box.MaxX) <= 180 && Math.Abs(box.MinY) <= 90 && Math.Abs(box.MaxY) <= 90
            : box.MinX >= Domain.MinX && box.MaxX <= Domain.MaxX && box.MinY >= Domain.MinY && box.MaxY <= Domain.MaxY;

    /// <summary>The accepted area in words, for error messages.</summary>
    public string DescribeDomain() => Geographic
        ? "longitude −180…180, latitude −90…90"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"easting {Domain.MinX:0.#}…{Domain.MaxX:0.#} m, northing {Domain.MinY:0.#}…{Domain.MaxY:0.#} m");

    /// <summary>The accepted area in Bahasa Indonesia.</summary>
    public string DescribeDomainIndonesian() => Geographic
        ? "bujur −180…180, lintang −90…90"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"easting {Domain.MinX:0.#}…{Domain.MaxX:0.#} m, northing {Domain.MinY:0.#}…{Domain.MaxY:0.#} m");

    /// <summary>True for OGC CRS84, the default of OGC API Features.</summary>
    public bool IsCrs84 => Uri == CrsRegistry.Crs84Uri;
}
