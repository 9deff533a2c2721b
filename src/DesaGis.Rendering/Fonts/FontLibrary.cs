using System.Reflection;
using SkiaSharp;

namespace DesaGis.Rendering.Fonts;

/// <summary>
/// The bundled typefaces (DejaVu Sans, regular and bold; Bitstream Vera licence, see Fonts/LICENSE-DejaVu.txt).
/// They are loaded from the assembly, never from the system, so a printed map looks the same on every machine and
/// Indonesian names (and any Latin diacritics in them) always have glyphs.
/// </summary>
public static class FontLibrary
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>The typeface for a MapLibre <c>text-font</c> stack: bold when a name in it says so.</summary>
    public static SKTypeface ForStack(IEnumerable<string>? fontStack) =>
        fontStack?.Any(f => f.Contains("Bold", StringComparison.OrdinalIgnoreCase)) == true ? Bold : Regular;

    /// <summary>
    /// A font of a bundled face. Grey-scale anti-aliasing, never LCD subpixel colour fringes (paper has no subpixels),
    /// and no hinting, so that glyph shapes do not depend on the machine.
    /// </summary>
    public static SKFont CreateFont(SKTypeface face, float size) => new(face, size)
    {
        Edging = SKFontEdging.Antialias,
        Hinting = SKFontHinting.None,
        Subpixel = true,
    };

    /// <summary>Loads a bundled font by file name; throws <see cref="MissingFontException"/> when it is absent or unreadable.</summary>
    public static SKTypeface Load(string fileName)
    {
        var name = "DesaGis.Rendering.Fonts." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new MissingFontException($"The bundled font {fileName} is not in the DesaGis.Rendering assembly; the build is broken.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        using var data = SKData.CreateCopy(bytes);
        var face = SKTypeface.FromData(data)
            ?? throw new MissingFontException($"The bundled font {fileName} could not be read by Skia; maps are not drawn without text.");
        // A face without glyphs for plain Latin letters would draw nothing: refuse it.
        if (face.GetGlyphs("Desa Ā").Any(g => g == 0 && face.GlyphCount > 0) && face.GetGlyphs("Desa").Any(g => g == 0))
            throw new MissingFontException($"The bundled font {fileName} has no Latin glyphs.");
        return face;
    }
}
