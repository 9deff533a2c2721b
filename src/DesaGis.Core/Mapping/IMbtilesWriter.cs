namespace DesaGis.Core.Mapping;

/// <summary>
/// Writes the vector tiles of an area into an MBTiles file, for offline packages. The tiles part of DesaGis
/// implements it (the same tiles the server serves); the offline package only asks for it.
/// </summary>
public interface IMbtilesWriter
{
    /// <summary>The layers (collection ids) the tiles carry.</summary>
    IReadOnlyList<string> Layers { get; }

    /// <summary>Writes an MBTiles file at <paramref name="path"/> holding every layer's tiles of the box and zooms.</summary>
    /// <returns>The number of tiles written.</returns>
    Task<long> WriteMbtilesAsync(string path, BoundingBox box, int minZoom, int maxZoom, CancellationToken cancellationToken);
}
