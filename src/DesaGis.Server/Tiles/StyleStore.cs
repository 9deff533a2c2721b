using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Tiles;

/// <summary>
/// The MapLibre styles of the repository's styles/ folder. Their source, glyph and sprite URLs are written
/// server-relative ("/tiles/…"); when served they are made absolute for the server that serves them.
/// </summary>
public sealed partial class StyleStore(IOptions<TileOptions> options, IWebHostEnvironment environment)
{
    private readonly Lazy<string?> _directory = new(() => Locate(options.Value.StylesDirectory, environment.ContentRootPath));

    public string? Directory => _directory.Value;

    /// <summary>The names of the styles available.</summary>
    public IReadOnlyList<string> Names() => Directory is null ? [] :
        System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(n => StyleName().IsMatch(n)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The style with URLs made absolute against <paramref name="baseUrl"/>, or null when there is no such style.</summary>
    public async Task<JsonNode?> LoadAsync(string name, string baseUrl, CancellationToken cancellationToken)
    {
        if (!StyleName().IsMatch(name) || Directory is null) return null;
        var path = Path.Combine(Directory, name + ".json");
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        var style = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) ?? throw new InvalidDataException($"Style {name} is empty.");
        Rewrite(style, baseUrl);
        return style;
    }

    /// <summary>Makes the server-relative URLs of a style absolute.</summary>
    public static void Rewrite(JsonNode style, string baseUrl)
    {
        string Abs(string url) => url.StartsWith('/') ? baseUrl + url : url;
        if (style["sources"] is JsonObject sources)
        {
            foreach (var (_, source) in sources)
            {
                if (source?["url"] is JsonValue u && u.TryGetValue<string>(out var url)) source["url"] = Abs(url);
                if (source?["tiles"] is JsonArray tiles)
                    for (int i = 0; i < tiles.Count; i++)
                        if (tiles[i] is JsonValue t && t.TryGetValue<string>(out var tile)) tiles[i] = Abs(tile);
            }
        }
        foreach (var key in new[] { "glyphs", "sprite" })
            if (style[key] is JsonValue v && v.TryGetValue<string>(out var s)) style[key] = Abs(s);
    }

    private static string? Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return System.IO.Directory.Exists(configured) ? configured : null;
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "styles");
                if (File.Exists(Path.Combine(candidate, "desagis.json"))) return candidate;
            }
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex StyleName();
}
