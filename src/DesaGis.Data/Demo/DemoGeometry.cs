using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace DesaGis.Data.Demo;

/// <summary>Geometry of the demo generator: the coordinate grid, ring orientation and area on the sphere.</summary>
public static class DemoGeometry
{
    /// <summary>Coordinates are multiples of 1e-5° (about 1 m): small files, and shared vertices stay identical.</summary>
    public const double GridScale = 100_000;

    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>The factory for every demo geometry (EPSG:4326).</summary>
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(GridScale), 4326);

    public static long ToGrid(double degrees) => (long)Math.Round(degrees * GridScale, MidpointRounding.AwayFromZero);

    public static double FromGrid(long units) => units / GridScale;

    /// <summary>
    /// The geometry as a MultiPolygon with exterior rings counter-clockwise and holes clockwise (RFC 7946), so that
    /// files are the same however NTS happened to orient its results.
    /// </summary>
    public static MultiPolygon ToMultiPolygon(Geometry geometry)
    {
        var polygons = new List<Polygon>();
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon p && !p.IsEmpty) polygons.Add(Orient(p));
        }
        if (polygons.Count == 0) throw new InvalidOperationException("A demo geometry came out empty.");
        // A stable order of parts: largest first, then by first vertex.
        polygons.Sort((a, b) =>
        {
            int c = b.Area.CompareTo(a.Area);
            return c != 0 ? c : a.Coordinate.CompareTo(b.Coordinate);
        });
        return Factory.CreateMultiPolygon(polygons.ToArray());
    }

    /// <summary>Area in km² on a sphere of the mean Earth radius (within about 0.5 % of the ellipsoidal area).</summary>
    public static double AreaKm2(Geometry geometry)
    {
        double total = 0;
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon p) continue;
            total += Math.Abs(RingArea(p.ExteriorRing.Coordinates));
            foreach (var hole in p.InteriorRings) total -= Math.Abs(RingArea(hole.Coordinates));
        }
        return total / 1e6;
    }

    private static double RingArea(Coordinate[] ring)
    {
        double sum = 0;
        for (int i = 0; i + 1 < ring.Length; i++)
        {
            double l1 = ring[i].X * Math.PI / 180, l2 = ring[i + 1].X * Math.PI / 180;
            double p1 = ring[i].Y * Math.PI / 180, p2 = ring[i + 1].Y * Math.PI / 180;
            sum += (l2 - l1) * (2 + Math.Sin(p1) + Math.Sin(p2));
        }
        return sum * EarthRadiusMetres * EarthRadiusMetres / 2;
    }

    private static Polygon Orient(Polygon p)
    {
        var shell = Ring(p.ExteriorRing.Coordinates, counterClockwise: true);
        var holes = p.InteriorRings.Select(h => Ring(h.Coordinates, counterClockwise: false)).ToArray();
        return Factory.CreatePolygon(shell, holes);
    }

    private static LinearRing Ring(Coordinate[] coords, bool counterClockwise)
    {
        var copy = coords.Select(c => new Coordinate(c.X, c.Y)).ToArray();
        if (Orientation.IsCCW(copy) != counterClockwise) Array.Reverse(copy);
        // Start every ring at its smallest vertex so equal rings are written identically.
        int start = 0;
        for (int i = 1; i < copy.Length - 1; i++) if (copy[i].CompareTo(copy[start]) < 0) start = i;
        var rotated = new Coordinate[copy.Length];
        for (int i = 0; i < copy.Length - 1; i++) rotated[i] = copy[(start + i) % (copy.Length - 1)];
        rotated[^1] = rotated[0].Copy();
        return Factory.CreateLinearRing(rotated);
    }
}
