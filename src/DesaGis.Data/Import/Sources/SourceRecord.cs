namespace DesaGis.Data.Import.Sources;

/// <summary>
/// One row or feature of a source file: where it is (for messages), its attributes by column name
/// (case-insensitive) and its geometry. <see cref="GeometryError"/> is set when the geometry could not be read.
/// </summary>
public sealed record SourceRecord(
    string Location,
    IReadOnlyDictionary<string, object?> Attributes,
    NetTopologySuite.Geometries.Geometry? Geometry,
    string? GeometryError = null);
