namespace DesaGis.Planning.Results;

/// <summary>Rank acceptability of a village: the share of robustness draws in which it was selected.</summary>
public sealed record VillageAcceptability(string Kode, string Nama, double Share, bool Selected);
