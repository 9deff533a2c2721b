namespace DesaGis.Core.Mapping;

/// <summary>
/// Where printed maps get their data: the seam between the database (which implements it) and the renderer
/// (which only sees Core features).
/// </summary>
public interface IMapDataSource
{
    /// <summary>Looks the area up; null when the region code is unknown.</summary>
    Task<MapArea?> ResolveAsync(ExportArea area, CancellationToken cancellationToken);

    /// <summary>
    /// The features of the named layers (collection ids) inside a lon/lat box, with geometries simplified to the
    /// tolerance (degrees; 0 keeps them as stored). Unknown layer ids are ignored.
    /// </summary>
    Task<MapData> LoadAsync(BoundingBox box, IReadOnlyCollection<string> layerIds, double tolerance, CancellationToken cancellationToken);

    /// <summary>Context polygons for an overview inset of the area (the kabupaten of its province), or an empty set.</summary>
    Task<FeatureSet> OverviewAsync(MapArea area, CancellationToken cancellationToken);

    /// <summary>The villages of an area (one atlas page each), in code order.</summary>
    Task<IReadOnlyList<MapArea>> VillagesAsync(MapArea area, CancellationToken cancellationToken);

    /// <summary>
    /// Where what the named layers show inside the box comes from, one line per kind of data (boundaries, village
    /// figures with their years, programmes, …), built from the data itself: a map names only the sources it shows.
    /// </summary>
    Task<IReadOnlyList<string>> SourcesAsync(BoundingBox box, IReadOnlyCollection<string> layerIds, CancellationToken cancellationToken);
}
