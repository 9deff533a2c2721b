namespace DesaGis.Data.Partners;

/// <summary>A partner's code and name, as legends and colour keys show them.</summary>
public sealed record PartnerName(string Kode, string Nama);
