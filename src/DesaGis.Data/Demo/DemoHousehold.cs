namespace DesaGis.Data.Demo;

/// <summary>
/// A synthetic extreme-poor household (columns as in desagis.extreme_poor_household, the point as lon/lat on the
/// 1e-5° grid). Invented: the head of household's name is made up and marked "(sintetis)".
/// </summary>
public sealed record DemoHousehold(
    string Kode, string DesaKode, string HeadOfHousehold, int Members, int WelfareDecile, int Year, double Lon, double Lat);
