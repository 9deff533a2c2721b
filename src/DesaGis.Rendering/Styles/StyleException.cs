namespace DesaGis.Rendering.Styles;

/// <summary>A style document that cannot be used for printing (malformed JSON, an unsupported expression).</summary>
public sealed class StyleException(string message, Exception? inner = null) : Exception(message, inner);
