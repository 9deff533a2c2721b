namespace DesaGis.Data.Demo;

/// <summary>A demo dataset that cannot be loaded (missing or malformed file, a reference to nothing); nothing was changed.</summary>
public sealed class DemoLoadException(string message, Exception? inner = null) : Exception(message, inner);
