using System.Globalization;
using System.Xml.Linq;
using DesaGis.Core.Cql2;
using DesaGis.Core.Features;
using DesaGis.Core.Ogc;
using NetTopologySuite.Geometries;

namespace DesaGis.Core.Fes;

/// <summary>
/// Reads the GML geometries a filter may carry (GML 3.2 and 3.1, with the GML 2 forms older clients still send):
/// Envelope and Box, Point, LineString, Polygon, LinearRing and their Multi- forms (MultiSurface, MultiCurve,
/// MultiPolygon, MultiLineString, MultiPoint). Coordinates come back in the CRS's easting/northing (longitude,
/// latitude) order whatever the <c>srsName</c> said, with the CRS beside them. Namespaces are matched by local name,
/// so GML 3.1 and 3.2 read alike.
/// </summary>
public static class GmlGeometryReader
{
    /// <summary>Most coordinates one filter geometry may have; more is refused instead of read.</summary>
    public const int MaxCoordinates = 100_000;

    private static readonly GeometryFactory Factory = new();

    /// <summary>
    /// Reads a geometry element. <paramref name="defaultCrs"/> applies when neither the element nor an ancestor
    /// names one (<paramref name="inheritedSrsName"/>). Throws <see cref="CqlException"/> with what is wrong.
    /// </summary>
    public static (Geometry Geometry, CrsDefinition Crs) Read(XElement element, CrsDefinition defaultCrs, string? inheritedSrsName = null)
    {
        var srsName = (string?)element.Attribute("srsName") ?? inheritedSrsName;
        var crs = defaultCrs;
        if (srsName is not null)
            crs = OgcCrsNames.Resolve(srsName, epsgShortFormIsLonLat: true)
                  ?? throw new CqlException($"The geometry's srsName '{Shorten(srsName)}' is not a CRS this server knows. Use urn:ogc:def:crs:EPSG::4326, EPSG:4326 (longitude first), EPSG:3857 or a UTM zone EPSG:32746–32754 / 32646–32654.");
        int budget = MaxCoordinates;
        var geometry = ReadGeometry(element, crs.LatitudeFirst, ref budget, depth: 0);
        if (geometry.IsEmpty) throw new CqlException($"The {element.Name.LocalName} has no coordinates.");
        if (!geometry.IsValid && geometry is Polygon or MultiPolygon)
            geometry = NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(geometry);
        return (geometry, LonLatVariant(crs));
    }

    /// <summary>The same CRS with easting/longitude first (what the reader returns coordinates in).</summary>
    public static CrsDefinition LonLatVariant(CrsDefinition crs) =>
        crs.LatitudeFirst ? OgcCrsNames.ByCode(crs.Srid, lonLat: true) ?? crs : crs;

    private static Geometry ReadGeometry(XElement e, bool swap, ref int budget, int depth)
    {
        if (depth > 8) throw new CqlException("The geometry is nested too deeply.");
        switch (e.Name.LocalName)
        {
            case "Envelope":
            case "Box":
                return Box(e, swap, ref budget);
            case "Point":
            {
                var c = Coordinates(e, swap, ref budget);
                if (c.Length != 1) throw new CqlException($"A Point has one position; this one has {c.Length}.");
                return Factory.CreatePoint(c[0]);
            }
            case "LineString":
            case "LinearRing":
            {
                var c = Coordinates(e, swap, ref budget);
                if (c.Length < 2) throw new CqlException($"A {e.Name.LocalName} needs at least two positions.");
                return Factory.CreateLineString(c);
            }
            case "Polygon":
                return ReadPolygon(e, swap, ref budget);
            case "MultiPoint":
                return Factory.CreateMultiPoint(Members(e, swap, ref budget, depth).Cast<Point>().ToArray());
            case "MultiLineString":
            case "MultiCurve":
                return Factory.CreateMultiLineString(Members(e, swap, ref budget, depth).Select(AsLine).ToArray());
            case "MultiPolygon":
            case "MultiSurface":
                return Factory.CreateMultiPolygon(Members(e, swap, ref budget, depth).SelectMany(AsPolygons).ToArray());
            default:
                throw new CqlException($"The geometry element '{Shorten(e.Name.LocalName)}' is not supported. Use gml:Envelope, gml:Point, gml:LineString, gml:Polygon, gml:MultiSurface, gml:MultiCurve or gml:MultiPoint.");
        }
    }

    private static LineString AsLine(Geometry g) => g as LineString ?? throw new CqlException("A MultiCurve holds LineStrings only.");

    private static IEnumerable<Polygon> AsPolygons(Geometry g) => g switch
    {
        Polygon p => [p],
        MultiPolygon mp => mp.Geometries.Cast<Polygon>(),
        _ => throw new CqlException("A MultiSurface holds Polygons only."),
    };

    // The members of a Multi- geometry: pointMember, curveMember, surfaceMember, polygonMember, lineStringMember and
    // the plural forms (surfaceMembers, …) that hold several geometries.
    private static List<Geometry> Members(XElement e, bool swap, ref int budget, int depth)
    {
        var list = new List<Geometry>();
        foreach (var member in e.Elements())
        {
            if (!member.Name.LocalName.EndsWith("Member", StringComparison.Ordinal) && !member.Name.LocalName.EndsWith("Members", StringComparison.Ordinal))
                continue;
            foreach (var child in member.Elements())
                list.Add(ReadGeometry(child, swap, ref budget, depth + 1));
        }
        if (list.Count == 0) throw new CqlException($"The {e.Name.LocalName} has no members.");
        return list;
    }

    private static Polygon ReadPolygon(XElement e, bool swap, ref int budget)
    {
        LinearRing? shell = null;
        var holes = new List<LinearRing>();
        foreach (var boundary in e.Elements())
        {
            var name = boundary.Name.LocalName;
            bool outer = name is "exterior" or "outerBoundaryIs";
            bool inner = name is "interior" or "innerBoundaryIs";
            if (!outer && !inner) continue;
            var ringElement = boundary.Elements().FirstOrDefault(x => x.Name.LocalName == "LinearRing")
                ?? throw new CqlException("A polygon boundary must hold a gml:LinearRing.");
            var ring = Ring(Coordinates(ringElement, swap, ref budget));
            if (outer) shell = ring; else holes.Add(ring);
        }
        if (shell is null) throw new CqlException("A gml:Polygon needs a gml:exterior ring.");
        return Factory.CreatePolygon(shell, holes.ToArray());
    }

    private static LinearRing Ring(Coordinate[] c)
    {
        if (c.Length < 3) throw new CqlException("A polygon ring needs at least three positions.");
        // Rings that clients forget to close are closed here rather than refused.
        if (!c[0].Equals2D(c[^1])) c = [.. c, c[0].Copy()];
        if (c.Length < 4) throw new CqlException("A polygon ring needs at least three distinct positions.");
        return Factory.CreateLinearRing(c);
    }

    private static Geometry Box(XElement e, bool swap, ref int budget)
    {
        Coordinate lower, upper;
        var lowerCorner = e.Elements().FirstOrDefault(x => x.Name.LocalName is "lowerCorner");
        var upperCorner = e.Elements().FirstOrDefault(x => x.Name.LocalName is "upperCorner");
        if (lowerCorner is not null && upperCorner is not null)
        {
            lower = Single(Numbers(lowerCorner.Value, 2, ref budget), swap);
            upper = Single(Numbers(upperCorner.Value, 2, ref budget), swap);
        }
        else
        {
            var c = Coordinates(e, swap, ref budget);
            if (c.Length != 2) throw new CqlException($"A {e.Name.LocalName} has two corners; give gml:lowerCorner and gml:upperCorner.");
            (lower, upper) = (c[0], c[1]);
        }
        if (lower.X > upper.X || lower.Y > upper.Y)
            throw new CqlException($"The {e.Name.LocalName} is inverted: its lower corner lies above or right of its upper corner (check the axis order of its srsName).");
        return Factory.ToGeometry(new Envelope(lower.X, upper.X, lower.Y, upper.Y));
    }

    private static Coordinate Single(double[] values, bool swap) =>
        swap ? new Coordinate(values[1], values[0]) : new Coordinate(values[0], values[1]);

    // Positions in any of GML's spellings: posList, a list of pos, coordinates ("x,y x,y") or coord/X/Y.
    private static Coordinate[] Coordinates(XElement e, bool swap, ref int budget)
    {
        int dimension = 2;
        var posList = e.Elements().FirstOrDefault(x => x.Name.LocalName == "posList");
        if (posList is not null)
        {
            if ((string?)posList.Attribute("srsDimension") is { } dim &&
                (!int.TryParse(dim, NumberStyles.None, CultureInfo.InvariantCulture, out dimension) || dimension is < 2 or > 4))
                throw new CqlException($"srsDimension '{Shorten(dim)}' is not 2, 3 or 4.");
            var values = Numbers(posList.Value, 0, ref budget);
            if (values.Length % dimension != 0) throw new CqlException($"A posList of dimension {dimension} has {values.Length} numbers.");
            var list = new Coordinate[values.Length / dimension];
            for (int i = 0; i < list.Length; i++) list[i] = Single([values[i * dimension], values[i * dimension + 1]], swap);
            return list;
        }
        var positions = e.Elements().Where(x => x.Name.LocalName == "pos").ToList();
        if (positions.Count > 0)
        {
            var list = new Coordinate[positions.Count];
            for (int i = 0; i < list.Length; i++)
            {
                var values = Numbers(positions[i].Value, 0, ref budget);
                if (values.Length < 2) throw new CqlException("A gml:pos needs two numbers.");
                list[i] = Single(values, swap);
            }
            return list;
        }
        var coordinates = e.Elements().FirstOrDefault(x => x.Name.LocalName == "coordinates");
        if (coordinates is not null)
        {
            var decimalSeparator = (string?)coordinates.Attribute("decimal") ?? ".";
            var cs = (string?)coordinates.Attribute("cs") ?? ",";
            var ts = (string?)coordinates.Attribute("ts") ?? " ";
            if (decimalSeparator != "." || cs.Length != 1 || ts.Length != 1)
                throw new CqlException("gml:coordinates must use '.' for decimals and one-character separators.");
            var tuples = coordinates.Value.Split(ts[0] == ' ' ? [' ', '\t', '\n', '\r'] : [ts[0]], StringSplitOptions.RemoveEmptyEntries);
            var list = new Coordinate[tuples.Length];
            for (int i = 0; i < tuples.Length; i++)
            {
                var values = Numbers(tuples[i].Replace(cs[0], ' '), 0, ref budget);
                if (values.Length < 2) throw new CqlException($"'{Shorten(tuples[i])}' in gml:coordinates is not a pair of numbers.");
                list[i] = Single(values, swap);
            }
            return list;
        }
        var coords = e.Elements().Where(x => x.Name.LocalName == "coord").ToList();
        if (coords.Count > 0)
        {
            return coords.Select(c =>
            {
                var x = c.Elements().FirstOrDefault(v => v.Name.LocalName == "X")?.Value;
                var y = c.Elements().FirstOrDefault(v => v.Name.LocalName == "Y")?.Value;
                if (x is null || y is null) throw new CqlException("A gml:coord needs gml:X and gml:Y.");
                int b = 2;
                return Single([Numbers(x, 1, ref b)[0], Numbers(y, 1, ref b)[0]], swap);
            }).ToArray();
        }
        throw new CqlException($"The {e.Name.LocalName} has no positions (gml:posList, gml:pos or gml:coordinates).");
    }

    private static double[] Numbers(string text, int expected, ref int budget)
    {
        var parts = text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        budget -= parts.Length;
        if (budget < 0) throw new CqlException($"The geometry has more than {MaxCoordinates} numbers; simplify it or use a bounding box.");
        if (expected > 0 && parts.Length != expected) throw new CqlException($"'{Shorten(text)}' should be {expected} numbers.");
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
                throw new CqlException($"'{Shorten(parts[i])}' in a geometry is not a finite number.");
        }
        return values;
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
