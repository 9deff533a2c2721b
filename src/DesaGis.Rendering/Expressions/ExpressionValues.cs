using System.Globalization;
using SkiaSharp;

namespace DesaGis.Rendering.Expressions;

/// <summary>Conversions and comparisons between expression values, following MapLibre's semantics closely enough for styling.</summary>
public static class ExpressionValues
{
    public static double? ToNumber(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        short s => s,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static bool ToBoolean(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        _ => ToNumber(value) is double d && d != 0 && !double.IsNaN(d),
    };

    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        SKColor c => $"rgba({c.Red},{c.Green},{c.Blue},{(c.Alpha / 255.0).ToString("0.###", CultureInfo.InvariantCulture)})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Equality as in <c>==</c>: numbers compare by value whatever their CLR type, strings ordinally.</summary>
    public static new bool Equals(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (IsNumber(a) && IsNumber(b)) return ToNumber(a) == ToNumber(b);
        if (a is string sa && b is string sb) return string.Equals(sa, sb, StringComparison.Ordinal);
        if (a is bool ba && b is bool bb) return ba == bb;
        return false;
    }

    /// <summary>Ordering for <c>&lt;</c> and friends; null when the values are not comparable (which makes the test false).</summary>
    public static int? Compare(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b)) return ToNumber(a)!.Value.CompareTo(ToNumber(b)!.Value);
        if (a is string sa && b is string sb) return string.CompareOrdinal(sa, sb);
        return null;
    }

    public static bool IsNumber(object? v) => v is double or float or int or long or decimal or short;
}
