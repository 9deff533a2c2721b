using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace DesaGis.Data.Demo;

/// <summary>
/// Tiles an irregular region into village polygons with shared boundaries: a Voronoi diagram of jittered grid points,
/// of which the cells nearest an irregular blob's centre are kept (so the outline is made of whole cells and nothing
/// is clipped), with every edge bent by the same deterministic wiggle on both sides so boundaries look natural.
/// Vertices are snapped to the 1e-5° grid before anything else; because each Voronoi vertex is computed once and
/// shared by its cells, neighbouring villages get identical edges: no gaps, no overlaps.
/// </summary>
internal static class DemoTessellation
{
    private readonly record struct GridPoint(long X, long Y) : IComparable<GridPoint>
    {
        public int CompareTo(GridPoint other) => X != other.X ? X.CompareTo(other.X) : Y.CompareTo(other.Y);
    }

    private readonly record struct EdgeKey(GridPoint A, GridPoint B)
    {
        public static EdgeKey Of(GridPoint a, GridPoint b) => a.CompareTo(b) <= 0 ? new(a, b) : new(b, a);
    }

    /// <summary>
    /// Makes <paramref name="count"/> cells around (cx, cy), about <paramref name="cellSize"/> degrees across, in an outline
    /// whose radius varies by up to about 2 × <paramref name="irregularity"/>.
    /// </summary>
    public static DemoCell[] Build(double cx, double cy, int count, double cellSize, double irregularity, DemoRandom rng, long edgeSeed)
    {
        // The blob: a circle of the right area whose radius varies with a few random harmonics.
        var harmonics = new (double Amplitude, double Phase, int Frequency)[4];
        for (int k = 0; k < harmonics.Length; k++)
            harmonics[k] = (rng.Range(0, irregularity / (k + 1)), rng.Range(0, 2 * Math.PI), k + 2);
        double baseRadius = Math.Sqrt(count * cellSize * cellSize / Math.PI);
        double RadiusAt(double dx, double dy)
        {
            double theta = Math.Atan2(dy, dx);
            double r = 1;
            foreach (var (a, phase, f) in harmonics) r += a * Math.Cos(f * theta + phase);
            return baseRadius * r;
        }

        // Jittered grid points; jitter stays inside the middle 70 % of each grid cell so no two sites nearly coincide
        // (near-duplicate sites make slivers that the 1e-5° grid would collapse).
        double extent = baseRadius * 1.5 * 1.35 + 5 * cellSize;
        int steps = (int)Math.Ceiling(2 * extent / cellSize);
        var sites = new List<Coordinate>();
        var candidate = new List<bool>();
        var norm = new List<double>();
        for (int j = 0; j < steps; j++)
        {
            for (int i = 0; i < steps; i++)
            {
                double x = cx - extent + (i + 0.15 + 0.7 * rng.NextDouble()) * cellSize;
                double y = cy - extent + (j + 0.15 + 0.7 * rng.NextDouble()) * cellSize;
                double dx = x - cx, dy = y - cy, d = Math.Sqrt(dx * dx + dy * dy), r = RadiusAt(dx, dy);
                if (d > r * 1.3 + 4 * cellSize) continue;
                sites.Add(new Coordinate(x, y));
                candidate.Add(d <= r * 1.25 + 2 * cellSize);
                norm.Add(d / r);
            }
        }

        var clip = new Envelope(cx - extent - 10 * cellSize, cx + extent + 10 * cellSize, cy - extent - 10 * cellSize, cy + extent + 10 * cellSize);
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = clip };
        builder.SetSites(sites);
        var diagram = builder.GetDiagram(new GeometryFactory(new PrecisionModel(), 4326));
        var siteIndex = new Dictionary<(double, double), int>(sites.Count);
        for (int i = 0; i < sites.Count; i++) siteIndex[(sites[i].X, sites[i].Y)] = i;

        // Snapped rings of the candidate cells, and which cells share each edge.
        var rings = new GridPoint[sites.Count][];
        var edgeOwner = new Dictionary<EdgeKey, int>();
        var neighbours = new List<int>[sites.Count];
        for (int g = 0; g < diagram.NumGeometries; g++)
        {
            var cell = (Polygon)diagram.GetGeometryN(g);
            var site = (Coordinate)cell.UserData;
            int idx = siteIndex[(site.X, site.Y)];
            if (!candidate[idx]) continue;
            var shell = cell.Shell.Coordinates;
            var ring = new List<GridPoint>(shell.Length);
            foreach (var c in shell)
            {
                var p = new GridPoint(DemoGeometry.ToGrid(c.X), DemoGeometry.ToGrid(c.Y));
                if (ring.Count == 0 || ring[^1] != p) ring.Add(p);
            }
            if (ring.Count < 4 || ring[0] != ring[^1]) continue;
            rings[idx] = ring.ToArray();
            neighbours[idx] = [];
            for (int e = 0; e + 1 < ring.Count; e++)
            {
                var key = EdgeKey.Of(ring[e], ring[e + 1]);
                if (edgeOwner.TryGetValue(key, out int other))
                {
                    neighbours[idx].Add(other);
                    neighbours[other]?.Add(idx);
                }
                else
                {
                    edgeOwner[key] = idx;
                }
            }
        }

        var selected = GrowBlob(rings, neighbours, norm, count, rng);
        var position = new Dictionary<int, int>(selected.Count);
        for (int i = 0; i < selected.Count; i++) position[selected[i]] = i;

        foreach (double amplitude in new[] { 1.0, 0.5, 0.0 })
        {
            var polygons = selected.Select(s => MakePolygon(rings[s], amplitude, cellSize, edgeSeed)).ToArray();
            if (amplitude > 0 && (polygons.Any(p => !p.IsValid) || CoverageValidator.HasInvalidResult(CoverageValidator.Validate(polygons.Cast<Geometry>().ToArray()))))
                continue;
            return selected.Select((s, i) => new DemoCell(
                polygons[i], sites[s],
                neighbours[s].Where(position.ContainsKey).Select(n => position[n]).Distinct().Order().ToArray())).ToArray();
        }
        throw new InvalidOperationException("unreachable: the unbent tessellation is always returned");
    }

    /// <summary>Grows a connected set of cells outward from the blob's centre, nearest (relative to the outline) first.</summary>
    private static List<int> GrowBlob(GridPoint[]?[] rings, List<int>[] neighbours, List<double> norm, int count, DemoRandom rng)
    {
        int start = -1;
        for (int i = 0; i < rings.Length; i++)
            if (rings[i] is not null && (start < 0 || norm[i] < norm[start])) start = i;
        var noise = new double[rings.Length];
        for (int i = 0; i < noise.Length; i++) noise[i] = rng.Range(0, 0.04);
        var selected = new List<int>(count);
        var seen = new HashSet<int> { start };
        var queue = new PriorityQueue<int, (double, int)>();
        queue.Enqueue(start, (0, start));
        while (selected.Count < count)
        {
            if (queue.Count == 0) throw new InvalidOperationException("The region ran out of cells; the blob is too small for the count.");
            int cell = queue.Dequeue();
            selected.Add(cell);
            foreach (int n in neighbours[cell])
            {
                if (rings[n] is null || !seen.Add(n)) continue;
                queue.Enqueue(n, (norm[n] + noise[n], n));
            }
        }
        return selected;
    }

    private static Polygon MakePolygon(GridPoint[] ring, double amplitude, double cellSize, long edgeSeed)
    {
        var coords = new List<Coordinate>(ring.Length * 4);
        for (int e = 0; e + 1 < ring.Length; e++)
        {
            var a = ring[e];
            var b = ring[e + 1];
            coords.Add(new Coordinate(DemoGeometry.FromGrid(a.X), DemoGeometry.FromGrid(a.Y)));
            foreach (var p in Bend(a, b, amplitude, cellSize, edgeSeed))
            {
                var c = new Coordinate(DemoGeometry.FromGrid(p.X), DemoGeometry.FromGrid(p.Y));
                if (!coords[^1].Equals2D(c)) coords.Add(c);
            }
        }
        coords.Add(coords[0].Copy());
        return DemoGeometry.Factory.CreatePolygon(coords.ToArray());
    }

    /// <summary>
    /// The interior points of an edge bent into a gentle S or arc. They depend only on the unordered pair of end
    /// points, so both cells that share the edge get the very same points (in opposite order).
    /// </summary>
    private static IEnumerable<GridPoint> Bend(GridPoint a, GridPoint b, double amplitude, double cellSize, long edgeSeed)
    {
        if (amplitude <= 0) yield break;
        bool reversed = a.CompareTo(b) > 0;
        var (p, q) = reversed ? (b, a) : (a, b);
        double dx = (q.X - p.X) / DemoGeometry.GridScale, dy = (q.Y - p.Y) / DemoGeometry.GridScale;
        double length = Math.Sqrt(dx * dx + dy * dy);
        int inner = (int)Math.Min(4, Math.Floor(length / (0.22 * cellSize)));
        if (inner < 1) yield break;
        var rng = new DemoRandom(DemoRandom.Hash(p.X ^ edgeSeed, p.Y, q.X, q.Y));
        double a1 = rng.Range(-0.1, 0.1) * amplitude, a2 = rng.Range(-0.06, 0.06) * amplitude;
        var points = new GridPoint[inner];
        for (int i = 1; i <= inner; i++)
        {
            double t = (double)i / (inner + 1);
            double s = Math.Sin(Math.PI * t);
            // sin² tapers the bend to nothing at both ends, so bent edges leave their vertices along the straight edge.
            double offset = length * s * s * (a1 + a2 * Math.Cos(Math.PI * t));
            double x = p.X / DemoGeometry.GridScale + dx * t - dy / length * offset;
            double y = p.Y / DemoGeometry.GridScale + dy * t + dx / length * offset;
            points[i - 1] = new GridPoint(DemoGeometry.ToGrid(x), DemoGeometry.ToGrid(y));
        }
        if (reversed) Array.Reverse(points);
        foreach (var point in points) yield return point;
    }
}
