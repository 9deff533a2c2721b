namespace DesaGis.Rendering.Expressions;

/// <summary>A style expression (or legacy filter/function) that this renderer cannot parse.</summary>
public sealed class StyleExpressionException(string message) : Exception(message);
