namespace DesaGis.Planning.Geo;

/// <summary>
/// A uniform lon/lat grid over points, with cells at least one search radius wide, so that every point within the
/// radius of a query lies in the query's cell or its eight neighbours. Queries return exact haversine distances.
/// </summary>
public sealed class GridIndex
{
    private readonly double[] _lon, _lat;
    private readonly double _cell, _minLon, _minLat;
    private readonly Dictionary<long, List<int>> _cells = new();

    /// <summary>Indexes the points (parallel lon/lat arrays) for queries up to <paramref name="radiusKm"/>.</summary>
    public GridIndex(double[] lon, double[] lat, double radiusKm)
    {
        _lon = lon;
        _lat = lat;
        RadiusKm = radiusKm;
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
        for (int dx = -1; dx <= 1; dx++)
            for (int dy = -1; dy <= 1; dy++)
            {
                if (!_cells.TryGetValue(Key(cx + dx, cy + dy), out var list)) continue;
                foreach (int i in list)
                {
                    double d = GeoDistance.Km(lon, lat, _lon[i], _lat[i]);
                    if (d <= radiusKm) visit(i, d);
                }
            }
    }

    /// <summary>The indexes within the radius, sorted by index, with their distances.</summary>
    public (int[] Index, float[] Km) Neighbours(double lon, double lat, double radiusKm)
    {
        var found = new List<(int, double)>();
        Query(lon, lat, radiusKm, (i, d) => found.Add((i, d)));
        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        var idx = new int[found.Count];
        var km = new float[found.Count];
        for (int j = 0; j < found.Count; j++) { idx[j] = found[j].Item1; km[j] = (float)found[j].Item2; }
        return (idx, km);
    }

    private int CellX(double lon) => (int)Math.Floor((lon - _minLon) / _cell);
    private int CellY(double lat) => (int)Math.Floor((lat - _minLat) / _cell);
    private static long Key(int x, int y) => ((long)x << 32) ^ (uint)y;
}
