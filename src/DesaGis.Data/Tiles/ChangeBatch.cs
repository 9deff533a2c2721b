namespace DesaGis.Data.Tiles;

/// <summary>What changed since a version: the current version, the changes, and whether the log was complete.</summary>
public sealed record ChangeBatch(long Version, IReadOnlyList<LayerChange> Changes, bool Complete);
