namespace DesaGis.Data.Demo;

/// <summary>One village's indicators for one year (columns as in desagis.village_indicator).</summary>
public sealed record DemoVillageIndicator(
    string DesaKode, int Year, int Population, double PovertyRate, int ExtremePoorPeople, int ExtremePoorHouseholds,
    double IdmScore, string IdmStatus);
