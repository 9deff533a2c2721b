namespace DesaGis.Server.Ows;

/// <summary>
/// The key-value parameters of a WMS/WFS request. Names are case-insensitive (clients send SERVICE, service and
/// Service alike); a parameter given twice keeps its first value.
/// </summary>
public sealed class OwsParameters
{
    /// <summary>Longest parameter value read; longer values are refused before any work is done on them.</summary>
    public const int MaxValueLength = 64 * 1024;

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public OwsParameters(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query)
    {
        foreach (var (key, values) in query)
        {
            if (_values.ContainsKey(key)) continue;
            var value = values.Count > 0 ? values[0] ?? "" : "";
            if (value.Length > MaxValueLength)
                throw OwsException.Invalid(key, new OwsText($"Nilai {Shorten(key)} terlalu panjang (maksimum {MaxValueLength} karakter).",
                    $"The value of {Shorten(key)} is too long (at most {MaxValueLength} characters)."));
            _values[key] = value;
        }
    }

    /// <summary>The value, or null when the parameter is absent.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>The value, or null when the parameter is absent or blank.</summary>
    public string? NonBlank(string name) => Get(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>The value of the first of several names that is present and not blank (e.g. TYPENAMES or TYPENAME).</summary>
    public string? First(params string[] names) => names.Select(NonBlank).FirstOrDefault(v => v is not null);

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Shortens request text echoed in a message so that a hostile value cannot bloat the answer.</summary>
    public static string Shorten(string? text, int max = 80) => text is null ? "" : text.Length <= max ? text : text[..max] + "…";
}
