namespace DesaGis.Data.Demo;

/// <summary>A synthetic programme of a partner and the villages it covers.</summary>
public sealed record DemoProgram(
    string Kode, string Nama, string PartnerKode, string Sector, DateOnly StartDate, DateOnly EndDate, string Status,
    IReadOnlyList<string> VillageKodes);
