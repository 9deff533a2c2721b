namespace DesaGis.Core.Cql2;

/// <summary>A filter that cannot be parsed or is not supported; the message says what is wrong and what would be right.</summary>
public sealed class CqlException(string message) : Exception(message);
