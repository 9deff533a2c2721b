using DesaGis.Rendering.Styles;

namespace DesaGis.Server.Ows;

/// <summary>
/// One WMS style of one layer: the layers of a MapLibre style from styles/ that draw it (or the plain fallback), as a
/// style of their own.
/// </summary>
/// <param name="Name">The WMS style name: the style file's name (desagis), or <c>default</c> for the fallback.</param>
/// <param name="Title">A human title.</param>
/// <param name="Style">The style layers that draw the layer, in style order, with the style's metadata (legend).</param>
/// <param name="MinZoom">The smallest MapLibre zoom at which any of them draws.</param>
public sealed record WmsStyle(string Name, string Title, MapStyle Style, double MinZoom);
