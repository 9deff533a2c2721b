using SkiaSharp;

namespace DesaGis.Rendering.Drawing;

/// <summary>Greedy label collision: a label is drawn only when its box overlaps no label placed before it.</summary>
public sealed class LabelPlacer(SKRect bounds)
{
    private readonly List<SKRect> _placed = [];

    /// <summary>The boxes of the labels placed so far.</summary>
    public IReadOnlyList<SKRect> Placed => _placed;

    /// <summary>Reserves the box and returns true when it is free and inside the map (or when overlap is allowed).</summary>
    public bool TryPlace(SKRect box, bool allowOverlap = false)
    {
        if (!bounds.Contains(box)) return false;
        if (!allowOverlap)
            foreach (var other in _placed)
                if (other.IntersectsWith(box)) return false;
        _placed.Add(box);
        return true;
    }
}
