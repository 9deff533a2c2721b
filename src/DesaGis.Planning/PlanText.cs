namespace DesaGis.Planning;

/// <summary>Chooses between a sentence in Bahasa Indonesia (the default) and its English version.</summary>
internal static class PlanText
{
    public static string Pick(string language, string id, string en) => language == "en" ? en : id;

    /// <summary>"12 %": a share as a whole percentage.</summary>
    public static string Percent(double share) => $"{Math.Round(share * 100):0} %";
}
