using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace DesaGis.Data.Import.Crs;

/// <summary>Applies a ProjNET transformation to every coordinate of a geometry, in place.</summary>
public sealed class TransformFilter(MathTransform transform) : IEntireCoordinateSequenceFilter
{
    public bool Done => false;
    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq)
    {
        for (int i = 0; i < seq.Count; i++)
        {
            double x = seq.GetX(i), y = seq.GetY(i);
            transform.Transform(ref x, ref y);
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
