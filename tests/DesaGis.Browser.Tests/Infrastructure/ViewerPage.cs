using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;

namespace DesaGis.Browser.Tests.Infrastructure;

/// <summary>The viewer in one browser page, with the few steps tests repeat: open, wait for the map, look at pixels.</summary>
public sealed class ViewerPage(IPage page, string baseUrl) : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public IPage Page { get; } = page;
    public string BaseUrl { get; } = baseUrl;

    /// <summary>Script errors the page raised (uncaught exceptions), for asserting that there were none.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public async Task GotoAsync(string hash = "")
    {
        Page.PageError -= OnPageError;
        Page.PageError += OnPageError;
        await Page.GotoAsync($"{BaseUrl}/viewer/{hash}");
        await WaitUntilReadyAsync();
    }

    /// <summary>Reloads the page (as a person pressing F5 on a shared link would).</summary>
    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitUntilReadyAsync();
    }

    private void OnPageError(object? sender, string error) => _errors.Add(error);

    private async Task WaitUntilReadyAsync()
    {
        await Page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await WaitForMapIdleAsync();
    }

    /// <summary>Waits until the map has drawn everything it is loading (MapLibre's "idle").</summary>
    public Task WaitForMapIdleAsync() => Page.EvaluateAsync(
        """
        () => new Promise(resolve => {
          const map = window.desagis.map;
          map.once('idle', () => resolve(true));
          map.triggerRepaint();
        })
        """);

    public Task<T> EvaluateAsync<T>(string script, object? arg = null) => Page.EvaluateAsync<T>(script, arg);

    /// <summary>The layout visibility of every style layer in a layer group (villages, kecamatan, …).</summary>
    public Task<string[]> GroupVisibilityAsync(string group) => EvaluateAsync<string[]>(
        "group => (window.desagis.panel.groups.get(group) ?? []).map(id => window.desagis.map.getLayoutProperty(id, 'visibility') ?? 'visible')",
        group);

    /// <summary>The URL fragment the page shows now.</summary>
    public Task<string> HashAsync() => EvaluateAsync<string>("() => location.hash");

    /// <summary>Features of the given style layers that the map has drawn in the current view.</summary>
    public async Task<JsonElement[]> RenderedFeaturesAsync(params string[] layers)
    {
        var json = await EvaluateAsync<JsonElement>(
            "layers => window.desagis.map.queryRenderedFeatures({ layers: layers.filter(l => window.desagis.map.getLayer(l)) }).map(f => ({ layer: f.layer.id, properties: f.properties }))",
            layers);
        return [.. json.EnumerateArray()];
    }

    /// <summary>The screen position (CSS pixels from the page's top left) of a longitude/latitude on the map.</summary>
    public async Task<(float X, float Y)> ScreenPointAsync(double lon, double lat)
    {
        var p = await EvaluateAsync<JsonElement>(
            """
            ([lon, lat]) => {
              const map = window.desagis.map;
              const point = map.project([lon, lat]);
              const box = map.getContainer().getBoundingClientRect();
              return { x: box.left + point.x, y: box.top + point.y };
            }
            """, new[] { lon, lat });
        return (p.GetProperty("x").GetSingle(), p.GetProperty("y").GetSingle());
    }

    /// <summary>A screenshot of the page, decoded so its pixels can be read.</summary>
    public async Task<SKBitmap> ScreenshotAsync(string? saveTo = null)
    {
        var png = await Page.ScreenshotAsync(new PageScreenshotOptions { Path = saveTo });
        return SKBitmap.Decode(png) ?? throw new InvalidOperationException("The screenshot could not be decoded.");
    }

    public async ValueTask DisposeAsync() => await Page.Context.DisposeAsync();
}
