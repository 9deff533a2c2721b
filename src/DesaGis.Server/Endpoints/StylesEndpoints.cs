using DesaGis.Server.Configuration;
using DesaGis.Server.Http;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.Options;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Endpoints;

/// <summary>MapLibre styles, with their tile and glyph URLs pointing at this server.</summary>
public static class StylesEndpoints
{
    public static IEndpointRouteBuilder MapStylesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/styles", List).WithTags("Styles").WithName("Styles");
        app.MapGet("/styles/{name}.json", GetAsync).WithTags("Styles").WithName("Style");
        return app;
    }

    public static IResult List(HttpRequest request, StyleStore styles, IOptions<DesaGisOptions> options)
    {
        string root = TileUrls.Base(request, options.Value);
        return TypedResults.Json(new { styles = styles.Names().Select(n => new { id = n, url = $"{root}/styles/{n}.json" }) });
    }

    public static async Task<IResult> GetAsync(string name, HttpRequest request, StyleStore styles, PartnerPalette partners,
        IOptions<DesaGisOptions> options, CancellationToken ct)
    {
        var style = await styles.LoadAsync(name, TileUrls.Base(request, options.Value), ct);
        if (style is null)
            return Problems.NotFound($"There is no style '{Problems.Shorten(name)}'. Styles: {string.Join(", ", styles.Names())}.");
        await partners.ApplyAsync(style, ct);
        return Results.Text(style.ToJsonString(), OgcMediaTypes.Json);
    }
}
