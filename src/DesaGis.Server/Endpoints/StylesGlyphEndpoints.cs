using System.Globalization;
using System.Text.RegularExpressions;
using DesaGis.Server.Http;
using DesaGis.Server.Tiles;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Endpoints;

/// <summary>Glyph PBFs for the styles' labels (<c>/fonts/{fontstack}/{start}-{end}.pbf</c>), made from local fonts.</summary>
public static partial class StylesGlyphEndpoints
{
    public static IEndpointRouteBuilder MapStylesGlyphEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fonts/{fontstack}/{range}.pbf", Glyphs).WithTags("Styles").WithName("Glyphs");
        return app;
    }

    public static IResult Glyphs(string fontstack, string range, GlyphStore glyphs, HttpResponse response)
    {
        var match = Range().Match(range);
        if (!match.Success ||
            !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int start) ||
            !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int end) ||
            start % 256 != 0 || end != start + 255 || end > 0xFFFF)
        {
            return Problems.BadRequest($"'{Problems.Shorten(range, 20)}' is not a glyph range; ranges are 256 code points, e.g. 0-255 or 256-511.");
        }
        var pbf = glyphs.GetRange(fontstack, start);
        if (pbf is null)
            return Problems.NotFound($"No font of the stack '{Problems.Shorten(fontstack)}' is installed. Fonts: {string.Join(", ", glyphs.FontNames.Take(12))}, ….");
        // Glyphs never change for a font file: let clients keep them.
        response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(pbf, OgcMediaTypes.Protobuf);
    }

    [GeneratedRegex(@"^(\d{1,5})-(\d{1,5})$")]
    private static partial Regex Range();
}
