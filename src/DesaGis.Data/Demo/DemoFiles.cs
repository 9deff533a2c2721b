namespace DesaGis.Data.Demo;

/// <summary>The files of a demo dataset directory (also loadable one by one with <c>desagis import</c>).</summary>
public static class DemoFiles
{
    public const string Provinsi = "provinsi.geojson";
    public const string Kabupaten = "kabupaten.geojson";
    public const string Kecamatan = "kecamatan.geojson";
    public const string Desa = "desa.geojson";
    public const string TransmigrationArea = "transmigration_area.geojson";
    public const string VillageIndicator = "village_indicator.csv";
    public const string KabupatenIndicator = "kabupaten_indicator.csv";
    public const string Partner = "partner.csv";
    public const string Program = "program.csv";
    public const string ProgramVillage = "program_village.csv";
    public const string ExtremePoorHousehold = "extreme_poor_household.csv";
    public const string Readme = "README.md";

    /// <summary>Every data file, in loading order.</summary>
    public static readonly string[] Data =
    [
        Provinsi, Kabupaten, Kecamatan, Desa, VillageIndicator, KabupatenIndicator, TransmigrationArea, Partner, Program,
        ProgramVillage, ExtremePoorHousehold,
    ];
}
