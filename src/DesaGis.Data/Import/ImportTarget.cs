namespace DesaGis.Data.Import;

/// <summary>The tables an import can write to (the schema of 0001_schema.sql).</summary>
public enum ImportTarget
{
    Provinsi,
    Kabupaten,
    Kecamatan,
    Desa,
    CodeCrosswalk,
    VillageIndicator,
    KabupatenIndicator,
    TransmigrationArea,
    Partner,
    Program,
    ProgramVillage,
}
