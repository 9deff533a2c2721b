using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace DesaGis.Server.Tiles;

/// <summary>
/// Glyph PBFs for MapLibre labels, made on this machine from local TrueType fonts, so that maps work offline:
/// each glyph is rendered at 24 px and turned into a signed distance field (radius 8, 3-pixel border), the format
/// MapLibre's <c>glyphs</c> URL expects. Font stacks name fonts by family and style ("Noto Sans Regular").
/// </summary>
public sealed class GlyphStore(IOptions<TileOptions> options)
{
    private const int FontSize = 24;
    private const int Border = 3;
    private const double Radius = 8;
    private const double Cutoff = 0.25;

    private readonly ConcurrentDictionary<string, byte[]> _ranges = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, string>> _fonts = new(() => IndexFonts(options.Value.FontDirectories));

    /// <summary>The font names (as used in a font stack) that can be served.</summary>
    public IEnumerable<string> FontNames => _fonts.Value.Keys.Order(StringComparer.Ordinal);

    /// <summary>The PBF of glyphs start..start+255 for the first font of the stack found here, or null when none is.</summary>
    public byte[]? GetRange(string fontStack, int start)
    {
        var font = fontStack.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(f => _fonts.Value.ContainsKey(Key(f)));
        if (font is null) return null;
        return _ranges.GetOrAdd($"{font}|{start}", _ => Build(fontStack, _fonts.Value[Key(font)], start));
    }

    private static byte[] Build(string stackName, string file, int start)
    {
        using var typeface = SKTypeface.FromFile(file) ?? throw new InvalidDataException($"Cannot read font {file}.");
        using var font = new SKFont(typeface, FontSize) { Subpixel = true, Edging = SKFontEdging.Antialias };
        var glyphs = new List<GlyphPbf.Glyph>();
        for (int cp = start; cp < start + 256; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF) continue;
            ushort id = font.GetGlyph(cp);
            if (id == 0) continue;
            glyphs.Add(Render(font, id, cp));
        }
        return GlyphPbf.Encode(stackName, $"{start}-{start + 255}", glyphs);
    }

    private static GlyphPbf.Glyph Render(SKFont font, ushort id, int codePoint)
    {
        Span<ushort> ids = [id];
        Span<float> widths = stackalloc float[1];
        Span<SKRect> bounds = stackalloc SKRect[1];
        font.GetGlyphWidths(ids, widths, bounds, null);
        var b = bounds[0];
        int advance = (int)Math.Round(widths[0]);
        if (b.IsEmpty)
            return new GlyphPbf.Glyph((uint)codePoint, [], 0, 0, 0, 0, (uint)advance);
        int left = (int)Math.Floor(b.Left), top = (int)Math.Floor(b.Top);
        int width = (int)Math.Ceiling(b.Right) - left, height = (int)Math.Ceiling(b.Bottom) - top;
        int w = width + 2 * Border, h = height + 2 * Border;
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var path = font.GetGlyphPath(id))
        using (var paint = new SKPaint { IsAntialias = true, Color = SKColors.Black })
        {
            canvas.Clear(SKColors.Transparent);
            canvas.Translate(Border - left, Border - top);
            canvas.DrawPath(path, paint);
        }
        var alpha = bitmap.GetPixelSpan();
        var sdf = DistanceField(alpha, w, h, bitmap.RowBytes);
        // MapLibre places a glyph by its bearing from the baseline, shifted by the 24-px font's ascent.
        return new GlyphPbf.Glyph((uint)codePoint, sdf, (uint)width, (uint)height, left, -top - 26, (uint)advance);
    }

    /// <summary>Signed distance field by Felzenszwalb's exact Euclidean distance transform, as tiny-sdf computes it.</summary>
    private static byte[] DistanceField(ReadOnlySpan<byte> alpha, int w, int h, int rowBytes)
    {
        const double Inf = 1e20;
        var outer = new double[w * h];
        var inner = new double[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double a = alpha[y * rowBytes + x] / 255.0;
                int i = y * w + x;
                if (a >= 1) { outer[i] = 0; inner[i] = Inf; }
                else if (a <= 0) { outer[i] = Inf; inner[i] = 0; }
                else
                {
                    double d = 0.5 - a;
                    outer[i] = d > 0 ? d * d : 0;
                    inner[i] = d < 0 ? d * d : 0;
                }
            }
        Edt(outer, w, h);
        Edt(inner, w, h);
        var result = new byte[w * h];
        for (int i = 0; i < result.Length; i++)
        {
            double d = Math.Sqrt(outer[i]) - Math.Sqrt(inner[i]);
            result[i] = (byte)Math.Clamp(Math.Round(255 - 255 * (d / Radius + Cutoff)), 0, 255);
        }
        return result;
    }

    private static void Edt(double[] grid, int w, int h)
    {
        int n = Math.Max(w, h);
        var f = new double[n];
        var z = new double[n + 1];
        var v = new int[n];
        var d = new double[n];
        for (int x = 0; x < w; x++)
        {
            for (int y = 0; y < h; y++) f[y] = grid[y * w + x];
            Edt1(f, h, v, z, d);
            for (int y = 0; y < h; y++) grid[y * w + x] = d[y];
        }
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++) f[x] = grid[y * w + x];
            Edt1(f, w, v, z, d);
            for (int x = 0; x < w; x++) grid[y * w + x] = d[x];
        }
    }

    private static void Edt1(double[] f, int n, int[] v, double[] z, double[] d)
    {
        int k = 0;
        v[0] = 0;
        z[0] = double.NegativeInfinity;
        z[1] = double.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            double s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
            while (s <= z[k])
            {
                k--;
                s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = double.PositiveInfinity;
        }
        k = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[k + 1] < q) k++;
            d[q] = (q - v[k]) * (q - v[k]) + f[v[k]];
        }
    }

    /// <summary>Font name → file: "NotoSans-Regular.ttf" is "Noto Sans Regular"; "DejaVuSans.ttf" also "DejaVu Sans Book".</summary>
    private static Dictionary<string, string> IndexFonts(IEnumerable<string> directories)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in directories.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(dir, "*.ttf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file).Replace("-", "", StringComparison.Ordinal);
                index.TryAdd(name.ToLowerInvariant(), file);
                if (!Path.GetFileNameWithoutExtension(file).Contains('-')) index.TryAdd((name + "Book").ToLowerInvariant(), file);
            }
        return index;
    }

    private static string Key(string fontName) => fontName.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
}
