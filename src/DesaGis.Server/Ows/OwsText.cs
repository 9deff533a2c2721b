namespace DesaGis.Server.Ows;

/// <summary>A text in Bahasa Indonesia and English; the caller's language picks one.</summary>
/// <param name="Indonesian">The Bahasa Indonesia text.</param>
/// <param name="English">The English text.</param>
public readonly record struct OwsText(string Indonesian, string English)
{
    public string In(OwsLanguage language) => language == OwsLanguage.English ? English : Indonesian;
}
