namespace DesaGis.Data.Planning;

/// <summary>One village of a scenario for export: a pilot (point) or a covered village (boundary), geometry as GeoJSON.</summary>
public sealed record ScenarioExportRow(
    string Role, string Kode, string? Nama, string? KecamatanKode, int? Rank, double? Score, double? Stability, bool Pinned,
    string? PilotKode, double? DistanceKm, double? Lon, double? Lat, string? GeometryJson);
