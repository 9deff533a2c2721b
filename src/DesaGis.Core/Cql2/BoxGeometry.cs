using NetTopologySuite.Geometries;

namespace DesaGis.Core.Cql2;

/// <summary>Turns a CQL2 BBOX literal (4 numbers, or 6 with heights) into a polygon.</summary>
public static class BoxGeometry
{
    private static readonly GeometryFactory Factory = new();

    public static Geometry Create(IReadOnlyList<double> values, string where)
    {
        if (values.Count is not (4 or 6))
            throw new CqlException($"{where} has {values.Count} numbers; give 4 (minx, miny, maxx, maxy) or 6 (with heights).");
        var (minX, minY, maxX, maxY) = values.Count == 4
            ? (values[0], values[1], values[2], values[3])
            : (values[0], values[1], values[3], values[4]);
        if (values.Any(v => !double.IsFinite(v)))
            throw new CqlException($"{where} contains a value that is not a finite number.");
        if (minY > maxY || minX > maxX)
            throw new CqlException($"{where} is inverted: give minx, miny, maxx, maxy with min ≤ max.");
        return Factory.ToGeometry(new Envelope(minX, maxX, minY, maxY));
    }
}
