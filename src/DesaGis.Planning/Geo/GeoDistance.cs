namespace DesaGis.Planning.Geo;

/// <summary>Great-circle distances on the WGS 84 mean sphere; at village scale the error is far below a village's size.</summary>
public static class GeoDistance
{
    private const double EarthRadiusKm = 6371.0088;
    private const double DegToRad = Math.PI / 180;

    /// <summary>Haversine distance in km between two lon/lat points.</summary>
    public static double Km(double lon1, double lat1, double lon2, double lat2)
    {
        double dLat = (lat2 - lat1) * DegToRad, dLon = (lon2 - lon1) * DegToRad;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(lat1 * DegToRad) * Math.Cos(lat2 * DegToRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>A degree span that is at least <paramref name="km"/> in both directions up to |lat| = 80°.</summary>
    public static double DegreesCovering(double km, double maxAbsLat) =>
        km / (111.0 * Math.Cos(Math.Min(80, maxAbsLat) * DegToRad));
}
