using DesaGis.Core.Layers;

namespace DesaGis.Core.Mapping;

/// <summary>
/// QGIS documents derived from the map style, for packages that open in QGIS and QField as the map: a layer style
/// (QML) per GeoPackage layer and a project (.qgs) that holds the package's layers and its vector-tile basemap. The
/// rendering part implements it from styles/desagis.json; the offline package only asks for it.
/// </summary>
public interface IQgisStyles
{
    /// <summary>The QML style of a layer stored under its collection id, or null when the style does not draw it.</summary>
    string? LayerQml(LayerDefinition layer);

    /// <summary>A QGIS project (.qgs XML) for a package, referring to the package's own files by relative paths only.</summary>
    string Project(QgisProject project);
}
