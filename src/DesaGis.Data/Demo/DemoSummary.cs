namespace DesaGis.Data.Demo;

/// <summary>How much a generated dataset holds.</summary>
public sealed record DemoSummary(
    int Provinsi, int Kabupaten, int Kecamatan, int Villages, int Kelurahan, int VillageIndicators,
    int TransmigrationAreas, int Partners, int Programs, int ProgramVillages, int Households);
