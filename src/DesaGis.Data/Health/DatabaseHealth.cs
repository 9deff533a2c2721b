namespace DesaGis.Data.Health;

/// <summary>What a readiness check found: whether PostGIS answered, its version and the schema's version.</summary>
/// <param name="Up">Whether the database answered the check.</param>
/// <param name="PostgisVersion">The PostGIS library version, when it answered.</param>
/// <param name="SchemaVersion">The newest migration applied, when it answered.</param>
/// <param name="Error">Why it did not answer (for the log and for classification; never sent to clients as is).</param>
public sealed record DatabaseHealth(bool Up, string? PostgisVersion, int? SchemaVersion, Exception? Error);
