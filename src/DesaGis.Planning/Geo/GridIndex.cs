namespace DesaGis.Planning.Geo;

/// <summary>
/// A uniform lon/lat grid over points, with cells at least one search radius wide, so that every point within the
/// radius of a query lies in the query's cell or its eight neighbours. Queries return exact haversine distances.
/// </summary>
public sealed class GridIndex
{
    private const double EarthRadiusKm = 6371.0088;
    private readonly double[] _lon, _lat;
    // Unit vectors of the points: comparing chord lengths needs no trigonometry per pair.
    private readonly double[] _x, _y, _z;
    private readonly double _cell, _minLon, _minLat;
    private readonly Dictionary<long, List<int>> _cells = new();

    /// <summary>Indexes the points (parallel lon/lat arrays) for queries up to <paramref name="radiusKm"/>.</summary>
    public GridIndex(double[] lon, double[] lat, double radiusKm)
    {
        _lon = lon;
        _lat = lat;
        RadiusKm = radiusKm;
        _x = new double[lon.Length];
        _y = new double[lon.Length];
        _z = new double[lon.Length];
        for (int i = 0; i < lon.Length; i++) (_x[i], _y[i], _z[i]) = Unit(lon[i], lat[i]);
        double maxAbsLat = 0;
        _minLon = double.MaxValue;
        _minLat = double.MaxValue;
        for (int i = 0; i < lon.Length; i++)
        {
            maxAbsLat = Math.Max(maxAbsLat, Math.Abs(lat[i]));
            _minLon = Math.Min(_minLon, lon[i]);
            _minLat = Math.Min(_minLat, lat[i]);
        }
        _cell = Math.Max(GeoDistance.DegreesCovering(radiusKm, maxAbsLat + 1), 1e-6);
        for (int i = 0; i < lon.Length; i++)
        {
            long key = Key(CellX(lon[i]), CellY(lat[i]));
            if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
            list.Add(i);
        }
    }

    public double RadiusKm { get; }

    /// <summary>Calls <paramref name="visit"/> with (index, km) for every indexed point within the radius of (lon, lat), in index order per cell.</summary>
    public void Query(double lon, double lat, double radiusKm, Action<int, double> visit)
    {
        if (radiusKm > RadiusKm + 1e-9) throw new ArgumentOutOfRangeException(nameof(radiusKm), "The index was built for a smaller radius.");
        int cx = CellX(lon), cy = CellY(lat);
        var (qx, qy, qz) = Unit(lon, lat);
        // Chord length of the radius on the unit sphere, squared, with a hair of slack; exact distances decide.
        double chord = 2 * Math.Sin(Math.Min(Math.PI, radiusKm / EarthRadiusKm) / 2);
        double limit = chord * chord * (1 + 1e-9) + 1e-18;
        for (int dx = -1; dx <= 1; dx++)
            for (int dy = -1; dy <= 1; dy++)
            {
                if (!_cells.TryGetValue(Key(cx + dx, cy + dy), out var list)) continue;
                foreach (int i in list)
                {
                    double ex = _x[i] - qx, ey = _y[i] - qy, ez = _z[i] - qz;
                    if (ex * ex + ey * ey + ez * ez > limit) continue;
                    double d = GeoDistance.Km(lon, lat, _lon[i], _lat[i]);
                    if (d <= radiusKm) visit(i, d);
                }
            }
    }

    /// <summary>The indexes within the radius, in a fixed (cell by cell) order, with their distances.</summary>
    public (int[] Index, float[] Km) Neighbours(double lon, double lat, double radiusKm)
    {
        var idx = new List<int>();
        var km = new List<float>();
        Query(lon, lat, radiusKm, (i, d) => { idx.Add(i); km.Add((float)d); });
        return (idx.ToArray(), km.ToArray());
    }

    private static (double X, double Y, double Z) Unit(double lon, double lat)
    {
        double l = lon * Math.PI / 180, f = lat * Math.PI / 180;
        return (Math.Cos(f) * Math.Cos(l), Math.Cos(f) * Math.Sin(l), Math.Sin(f));
    }

    private int CellX(double lon) => (int)Math.Floor((lon - _minLon) / _cell);
    private int CellY(double lat) => (int)Math.Floor((lat - _minLat) / _cell);
    private static long Key(int x, int y) => ((long)x << 32) ^ (uint)y;
}
