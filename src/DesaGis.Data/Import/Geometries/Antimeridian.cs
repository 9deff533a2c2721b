using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace DesaGis.Data.Import.Geometries;

/// <summary>Splits lon/lat polygons that cross the 180° meridian into parts on either side of it.</summary>
public static class Antimeridian
{
    /// <summary>
    /// True when a polygon goes beyond ±180° or spans more than half the globe, which for a village-sized polygon
    /// means its ring jumps from +179° to -179° across the antimeridian.
    /// </summary>
    public static bool Crosses(Geometry g)
    {
        var e = g.EnvelopeInternal;
        if (e.MinX < -180 || e.MaxX > 180) return true;
        for (int i = 0; i < g.NumGeometries; i++)
            if (g.GetGeometryN(i).EnvelopeInternal.Width > 180) return true;
        return false;
    }

    /// <summary>Shifts every part to one continuous longitude range, then cuts it at ±180° and moves the far side back.</summary>
    public static Geometry Split(Geometry g, GeometryFactory factory)
    {
        var parts = new List<Geometry>();
        for (int i = 0; i < g.NumGeometries; i++)
        {
            var part = g.GetGeometryN(i).Copy();
            if (part.EnvelopeInternal.Width > 180)
            {
                // Written with a jump: put the western longitudes after +180 so the ring is continuous.
                part.Apply(new ShiftFilter(x => x < 0 ? x + 360 : x));
                part.GeometryChanged();
            }
            else if (part.EnvelopeInternal.MinX < -180)
            {
                part.Apply(new ShiftFilter(x => x + 360));
                part.GeometryChanged();
            }
            if (!part.IsValid) part = GeometryFixer.Fix(part);
            parts.Add(Clip(part, -180, 180, 0, factory));
            parts.Add(Clip(part, 180, 540, -360, factory));
        }
        var polygons = parts.SelectMany(p => Enumerable.Range(0, p.NumGeometries).Select(p.GetGeometryN))
            .OfType<Polygon>().Where(p => !p.IsEmpty && p.Area > 0).ToArray();
        return factory.CreateMultiPolygon(polygons);
    }

    private static Geometry Clip(Geometry g, double minX, double maxX, double shift, GeometryFactory factory)
    {
        var box = factory.ToGeometry(new Envelope(minX, maxX, -90, 90));
        var clipped = g.Intersection(box);
        if (shift != 0)
        {
            clipped.Apply(new ShiftFilter(x => x + shift));
            clipped.GeometryChanged();
        }
        return clipped;
    }

    private sealed class ShiftFilter(Func<double, double> shift) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++) seq.SetX(i, shift(seq.GetX(i)));
        }
    }
}
