using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using ProjNet.CoordinateSystems.Transformations;
using DesaGis.Data.Import.Crs;

namespace DesaGis.Data.Import.Geometries;

/// <summary>
/// Turns a source geometry into what the polygon tables store: reprojected to WGS 84, split at the antimeridian,
/// made valid (NTS GeometryFixer) and promoted to MultiPolygon. Anything that cannot become a non-empty polygon is
/// rejected with a reason a GIS user can act on.
/// </summary>
public sealed class GeometryPreparer(MathTransform? toWgs84)
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public PreparedGeometry Prepare(Geometry? source)
    {
        if (source is null) return Reject("no geometry");
        if (source.IsEmpty) return Reject("empty geometry");
        var polygonal = ExtractPolygons(source);
        if (polygonal.Count == 0) return Reject($"{source.GeometryType} geometry, but this table needs polygons");

        var repairs = new List<string>();
        // Z and M are dropped (BIG shapefiles are PolygonZ; the GeoPackage reader returns XYZ): the tables are 2D.
        var editor = new GeometryEditor(Wgs84);
        var g = Wgs84.BuildGeometry(polygonal.Select(p => editor.Edit(p, new GeometryEditor.CoordinateSequenceOperation(Flatten))).ToList());
        if (toWgs84 is not null)
        {
            g.Apply(new TransformFilter(toWgs84));
            g.GeometryChanged();
        }
        var env = g.EnvelopeInternal;
        if (!IsFinite(env)) return Reject("coordinates could not be transformed to EPSG:4326 (check the source CRS)");
        if (env.MinY < -90 || env.MaxY > 90 || env.MinX < -540 || env.MaxX > 540)
            return Reject($"coordinates ({env.MinX:0.###}, {env.MinY:0.###}) are not longitude/latitude; give the source CRS with --srs (e.g. EPSG:32750)");

        // A ring that crosses the antimeridian is either written with longitudes beyond ±180 or jumps from +179 to
        // -179; both become one part on each side of the line, so that tiles and areas stay right.
        if (Antimeridian.Crosses(g))
        {
            g = Antimeridian.Split(g, Wgs84);
            repairs.Add("split at the antimeridian");
        }

        if (!g.IsValid)
        {
            var reason = new IsValidOp(g).ValidationError?.Message ?? "invalid";
            var fixedGeometry = GeometryFixer.Fix(g);
            var parts = ExtractPolygons(fixedGeometry);
            if (parts.Count == 0 || parts.All(p => p.IsEmpty))
                return Reject($"invalid geometry ({reason}) that could not be repaired");
            g = Wgs84.BuildGeometry(parts.Cast<Geometry>().ToList());
            repairs.Add($"made valid ({reason})");
        }

        var multi = g switch
        {
            MultiPolygon mp => mp,
            Polygon p => Wgs84.CreateMultiPolygon([p]),
            _ => Wgs84.CreateMultiPolygon(ExtractPolygons(g).ToArray()),
        };
        if (multi.IsEmpty || multi.Area <= 0) return Reject("the geometry has no area");
        multi.SRID = 4326;
        return new PreparedGeometry(multi, repairs.Count == 0 ? null : string.Join("; ", repairs), null);
    }

    private static PreparedGeometry Reject(string reason) => new(null, null, reason);

    private static bool IsFinite(Envelope e) =>
        double.IsFinite(e.MinX) && double.IsFinite(e.MaxX) && double.IsFinite(e.MinY) && double.IsFinite(e.MaxY);

    private static List<Polygon> ExtractPolygons(Geometry g)
    {
        var list = new List<Polygon>();
        for (int i = 0; i < g.NumGeometries; i++)
        {
            var part = g.GetGeometryN(i);
            if (part is Polygon p && !p.IsEmpty) list.Add(p);
            else if (part is GeometryCollection gc && !ReferenceEquals(gc, g)) list.AddRange(ExtractPolygons(gc));
        }
        return list;
    }

    private static CoordinateSequence Flatten(CoordinateSequence seq, Geometry geometry)
    {
        var coordinates = new Coordinate[seq.Count];
        for (int i = 0; i < coordinates.Length; i++) coordinates[i] = new Coordinate(seq.GetX(i), seq.GetY(i));
        return Wgs84.CoordinateSequenceFactory.Create(coordinates);
    }
}
