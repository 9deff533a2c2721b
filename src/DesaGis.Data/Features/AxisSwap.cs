using NetTopologySuite.Geometries;

namespace DesaGis.Data.Features;

/// <summary>Swaps X and Y of every coordinate: latitude-first input (EPSG:4326 as EPSG defines it) to PostGIS order.</summary>
public sealed class AxisSwap : IEntireCoordinateSequenceFilter
{
    public bool Done => false;
    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq)
    {
        for (int i = 0; i < seq.Count; i++)
        {
            double x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
