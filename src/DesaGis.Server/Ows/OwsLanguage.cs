namespace DesaGis.Server.Ows;

/// <summary>
/// The language of WMS/WFS texts a caller reads (exception messages, feature info): Bahasa Indonesia unless the
/// request asks for English with <c>LANGUAGE</c> (INSPIRE's parameter: <c>eng</c>/<c>ind</c>), <c>lang</c>, or an
/// <c>Accept-Language</c> header that prefers English.
/// </summary>
public enum OwsLanguage
{
    Indonesian,
    English,
}
