using System.Globalization;
using SkiaSharp;

namespace DesaGis.Rendering.Styles;

/// <summary>CSS colours as MapLibre styles write them: <c>#rgb</c>, <c>#rrggbb(aa)</c>, <c>rgb()</c>, <c>rgba()</c>, <c>hsl(a)()</c> and names.</summary>
public static class CssColor
{
    private static readonly Dictionary<string, SKColor> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["transparent"] = new SKColor(0, 0, 0, 0),
        ["black"] = new SKColor(0, 0, 0), ["white"] = new SKColor(255, 255, 255),
        ["red"] = new SKColor(255, 0, 0), ["green"] = new SKColor(0, 128, 0), ["blue"] = new SKColor(0, 0, 255),
        ["yellow"] = new SKColor(255, 255, 0), ["orange"] = new SKColor(255, 165, 0), ["purple"] = new SKColor(128, 0, 128),
        ["gray"] = new SKColor(128, 128, 128), ["grey"] = new SKColor(128, 128, 128),
        ["lightgray"] = new SKColor(211, 211, 211), ["lightgrey"] = new SKColor(211, 211, 211),
        ["darkgray"] = new SKColor(169, 169, 169), ["darkgrey"] = new SKColor(169, 169, 169),
        ["silver"] = new SKColor(192, 192, 192), ["navy"] = new SKColor(0, 0, 128), ["teal"] = new SKColor(0, 128, 128),
        ["maroon"] = new SKColor(128, 0, 0), ["olive"] = new SKColor(128, 128, 0), ["lime"] = new SKColor(0, 255, 0),
        ["aqua"] = new SKColor(0, 255, 255), ["cyan"] = new SKColor(0, 255, 255), ["fuchsia"] = new SKColor(255, 0, 255),
        ["magenta"] = new SKColor(255, 0, 255), ["brown"] = new SKColor(165, 42, 42), ["pink"] = new SKColor(255, 192, 203),
        ["darkgreen"] = new SKColor(0, 100, 0), ["darkred"] = new SKColor(139, 0, 0), ["darkblue"] = new SKColor(0, 0, 139),
        ["steelblue"] = new SKColor(70, 130, 180), ["whitesmoke"] = new SKColor(245, 245, 245), ["gold"] = new SKColor(255, 215, 0),
    };

    /// <summary>Parses a colour value (a string or an already-parsed colour).</summary>
    public static bool TryParse(object? value, out SKColor color)
    {
        color = default;
        if (value is SKColor c) { color = c; return true; }
        if (value is not string text) return false;
        text = text.Trim();
        if (Named.TryGetValue(text, out color)) return true;
        if (text.StartsWith('#')) return TryParseHex(text[1..], out color);
        int open = text.IndexOf('('), close = text.LastIndexOf(')');
        if (open < 0 || close < open) return false;
        var fn = text[..open].Trim().ToLowerInvariant();
        var parts = text[(open + 1)..close].Split([',', ' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return false;
        double alpha = 1;
        if (parts.Length > 3 && !TryComponent(parts[3], 1, out alpha)) return false;
        switch (fn)
        {
            case "rgb" or "rgba":
                if (!TryComponent(parts[0], 255, out var r) || !TryComponent(parts[1], 255, out var g) || !TryComponent(parts[2], 255, out var b))
                    return false;
                color = new SKColor(Byte(r), Byte(g), Byte(b), Byte(alpha * 255));
                return true;
            case "hsl" or "hsla":
                if (!double.TryParse(parts[0].Replace("deg", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ||
                    !TryComponent(parts[1], 1, out var s) || !TryComponent(parts[2], 1, out var l))
                    return false;
                color = FromHsl(h, s, l, alpha);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Parses a colour or throws with the offending text.</summary>
    public static SKColor Parse(string text) =>
        TryParse(text, out var color) ? color : throw new FormatException($"'{text}' is not a CSS colour.");

    /// <summary>Blends two colours in RGB space, as MapLibre's <c>interpolate</c> does.</summary>
    public static SKColor Lerp(SKColor a, SKColor b, double t) => new(
        Byte(a.Red + (b.Red - a.Red) * t), Byte(a.Green + (b.Green - a.Green) * t),
        Byte(a.Blue + (b.Blue - a.Blue) * t), Byte(a.Alpha + (b.Alpha - a.Alpha) * t));

    /// <summary>The colour as <c>#rrggbb</c> (alpha dropped), for KML, legends and tests.</summary>
    public static string ToHex(SKColor c) => $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}";

    private static bool TryParseHex(string hex, out SKColor color)
    {
        color = default;
        if (hex.Length is 3 or 4) hex = string.Concat(hex.Select(ch => $"{ch}{ch}"));
        if (hex.Length is not (6 or 8) || !uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)) return false;
        color = hex.Length == 6
            ? new SKColor((byte)(v >> 16), (byte)(v >> 8), (byte)v)
            : new SKColor((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
        return true;
    }

    private static bool TryComponent(string text, double scale, out double value)
    {
        bool percent = text.EndsWith('%');
        if (!double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        if (percent) value = value / 100 * scale;
        return true;
    }

    private static SKColor FromHsl(double h, double s, double l, double alpha)
    {
        h = ((h % 360) + 360) % 360 / 360;
        s = Math.Clamp(s, 0, 1);
        l = Math.Clamp(l, 0, 1);
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s, p = 2 * l - q;
        double Channel(double t)
        {
            t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
            return t < 1.0 / 6 ? p + (q - p) * 6 * t : t < 0.5 ? q : t < 2.0 / 3 ? p + (q - p) * (2.0 / 3 - t) * 6 : p;
        }
        return new SKColor(Byte(Channel(h + 1.0 / 3) * 255), Byte(Channel(h) * 255), Byte(Channel(h - 1.0 / 3) * 255), Byte(alpha * 255));
    }

    private static byte Byte(double v) => (byte)Math.Round(Math.Clamp(v, 0, 255));
}
