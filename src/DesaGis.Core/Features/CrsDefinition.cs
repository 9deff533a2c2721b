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

    /// <summary>True for OGC CRS84, the default of OGC API Features.</summary>
    public bool IsCrs84 => Uri == CrsRegistry.Crs84Uri;
}
