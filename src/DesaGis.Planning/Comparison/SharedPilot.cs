namespace DesaGis.Planning.Comparison;

/// <summary>A pilot chosen in both scenarios, with its rank in each.</summary>
public sealed record SharedPilot(string Kode, string Nama, int RankA, int RankB);
