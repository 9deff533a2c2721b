namespace DesaGis.Data.Import;

/// <summary>
/// The import request or the file cannot be used as a whole (unknown preset, missing column, unreadable file).
/// The message says what to change; callers show it as is (the server as a 4xx problem).
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException(string message) : base(message) { }

    public ImportException(string message, Exception inner) : base(message, inner) { }
}
