namespace DesaGis.Server.Http;

/// <summary>A text for people in the two languages the server speaks: Bahasa Indonesia (the default) and English.</summary>
public sealed record LocalizedText(string Indonesian, string English)
{
    public string In(bool english) => english ? English : Indonesian;
}
