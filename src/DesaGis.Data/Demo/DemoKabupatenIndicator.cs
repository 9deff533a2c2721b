namespace DesaGis.Data.Demo;

/// <summary>One kabupaten's indicators for one year, aggregated from its villages (columns as in desagis.kabupaten_indicator).</summary>
public sealed record DemoKabupatenIndicator(
    string KabupatenKode, int Year, long Population, double PovertyRate, int ExtremePoorPeople, int ExtremePoorHouseholds,
    double AreaKm2);
