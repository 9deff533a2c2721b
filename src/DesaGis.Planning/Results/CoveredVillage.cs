namespace DesaGis.Planning.Results;

/// <summary>A village within reach of a pilot (not itself a pilot), with its nearest pilot.</summary>
public sealed record CoveredVillage(string Kode, string Nama, string PilotKode, double DistanceKm);
