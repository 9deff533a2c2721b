namespace DesaGis.Data.Demo;

/// <summary>The Indeks Desa Membangun status bands (Permendesa 2/2016): a score maps to one of five statuses.</summary>
public static class IdmThresholds
{
    public const double Mandiri = 0.8155;
    public const double Maju = 0.7072;
    public const double Berkembang = 0.5989;
    public const double Tertinggal = 0.4907;

    /// <summary>The status of an IDM score.</summary>
    public static string StatusOf(double score) => score switch
    {
        >= Mandiri => "MANDIRI",
        >= Maju => "MAJU",
        >= Berkembang => "BERKEMBANG",
        >= Tertinggal => "TERTINGGAL",
        _ => "SANGAT_TERTINGGAL",
    };
}
