namespace DesaGis.Rendering.Fonts;

/// <summary>A bundled font could not be loaded. Rendering stops rather than drawing a map with invisible text.</summary>
public sealed class MissingFontException(string message) : Exception(message);
