using DesaGis.Planning.Geo;

namespace DesaGis.Planning.Selection;

/// <summary>
/// The maximum-coverage instance behind the reach method: for each candidate pilot, the villages within the reach
/// radius (from the grid index, kept sorted by index) and their distances.
/// </summary>
internal sealed class ReachProblem
{
    private readonly PlanContext _ctx;
    private readonly int[]?[] _neighbours;
    private readonly float[]?[] _km;
    private GridIndex? _swapGrid;

    public ReachProblem(PlanContext ctx)
    {
        _ctx = ctx;
        _neighbours = new int[ctx.Count][];
        _km = new float[ctx.Count][];
        for (int i = 0; i < ctx.Count; i++)
            if (ctx.Eligible[i]) Compute(i);
    }

    public PlanContext Context => _ctx;

    /// <summary>Villages within the radius of village <paramref name="i"/> (itself included).</summary>
    public int[] Neighbours(int i)
    {
        if (_neighbours[i] is null) Compute(i);
        return _neighbours[i]!;
    }

    public float[] Distances(int i)
    {
        if (_km[i] is null) Compute(i);
        return _km[i]!;
    }

    /// <summary>A grid for finding swap candidates: pilots within twice the radius can share reached villages.</summary>
    public GridIndex SwapGrid => _swapGrid ??= new GridIndex(_ctx.Lon, _ctx.Lat, 2 * _ctx.Parameters.RadiusKm);

    /// <summary>The objective of a set of pilots: the summed weight of the villages they reach.</summary>
    public double Objective(IEnumerable<int> pilots, double[] weights)
    {
        var covered = new bool[_ctx.Count];
        double total = 0;
        foreach (int p in pilots)
            foreach (int i in Neighbours(p))
                if (!covered[i]) { covered[i] = true; total += weights[i]; }
        return total;
    }

    private void Compute(int i)
    {
        var (idx, km) = _ctx.Grid.Neighbours(_ctx.Lon[i], _ctx.Lat[i], _ctx.Parameters.RadiusKm);
        _neighbours[i] = idx;
        _km[i] = km;
    }
}
