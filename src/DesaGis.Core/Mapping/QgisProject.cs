using DesaGis.Core.Layers;

namespace DesaGis.Core.Mapping;

/// <summary>What a package's QGIS project holds.</summary>
/// <param name="Title">The project title (the area's name).</param>
/// <param name="Extent">The area the project opens on (lon/lat).</param>
/// <param name="GeoPackageFile">The GeoPackage's file name, beside the project.</param>
/// <param name="Layers">The GeoPackage layers (tables named by collection id), in drawing order, bottom first.</param>
/// <param name="VisibleLayers">The ids of the GeoPackage layers shown when the project opens.</param>
/// <param name="MbtilesFile">The MBTiles file beside the project (the basemap), or null.</param>
/// <param name="MbtilesLayers">The layers the MBTiles' tiles carry.</param>
public sealed record QgisProject(
    string Title,
    BoundingBox Extent,
    string GeoPackageFile,
    IReadOnlyList<LayerDefinition> Layers,
    IReadOnlySet<string> VisibleLayers,
    string? MbtilesFile,
    IReadOnlyList<LayerDefinition> MbtilesLayers);
