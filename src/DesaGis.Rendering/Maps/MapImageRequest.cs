using DesaGis.Core;
using SkiaSharp;

namespace DesaGis.Rendering.Maps;

/// <summary>What a map image shows and how it is encoded (a WMS GetMap, validated).</summary>
/// <param name="Box">The box shown, in the map's CRS with easting/longitude first; the features are in the same CRS.</param>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Zoom">The MapLibre zoom of the map's scale, for the style's zoom-dependent values.</param>
/// <param name="Format">PNG or JPEG.</param>
/// <param name="Transparent">Whether the background is left transparent (PNG only).</param>
/// <param name="Background">The background colour when not transparent.</param>
public sealed record MapImageRequest(BoundingBox Box, int Width, int Height, double Zoom, MapImageFormat Format, bool Transparent, SKColor Background);
