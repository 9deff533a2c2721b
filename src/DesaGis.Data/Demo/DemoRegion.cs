namespace DesaGis.Data.Demo;

/// <summary>Everything generated for one synthetic province; regions are made one at a time to keep memory bounded.</summary>
public sealed record DemoRegion(
    DemoProvince Province,
    IReadOnlyList<DemoKabupaten> Kabupaten,
    IReadOnlyList<DemoKecamatan> Kecamatan,
    IReadOnlyList<DemoVillage> Villages,
    IReadOnlyList<DemoVillageIndicator> VillageIndicators,
    IReadOnlyList<DemoKabupatenIndicator> KabupatenIndicators,
    IReadOnlyList<DemoTransmigrationArea> TransmigrationAreas,
    IReadOnlyList<DemoProgram> Programs,
    IReadOnlyList<DemoHousehold> Households);
