namespace DesaGis.Server.Hosting;

/// <summary>What the server knows of its database: whether the schema is migrated, and the last failure.</summary>
public sealed class DatabaseState
{
    private volatile bool _schemaReady;
    private volatile string? _lastError;

    public bool SchemaReady => _schemaReady;
    public string? LastError => _lastError;

    public void MarkReady() { _schemaReady = true; _lastError = null; }
    public void MarkFailed(string error) => _lastError = error;
}
