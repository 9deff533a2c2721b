namespace DesaGis.Data.Export;

/// <summary>What an offline package holds: the file names in the zip and the feature counts per layer.</summary>
public sealed record OfflinePackageContents(
    string GeoPackage, string? Mbtiles, string Pdf, IReadOnlyDictionary<string, int> FeatureCounts, long TileCount, string? QgisProject = null);
