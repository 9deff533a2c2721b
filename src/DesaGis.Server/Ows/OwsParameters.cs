namespace DesaGis.Server.Ows;

/// <summary>
/// The key-value parameters of a WMS/WFS request. Names are case-insensitive (clients send SERVICE, service and
/// Service alike); a parameter given twice keeps its first value.
/// </summary>
public sealed class OwsParameters
{
    /// <summary>Longest parameter value read; longer values are refused before any work is done on them.</summary>
    public const int MaxValueLength = 1024 * 1024;

    /// <summary>Most parameters a form-encoded POST may carry.</summary>
    public const int MaxFormValues = 100;

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The parameters of a request: the query string of a GET, or the form-encoded body of a POST (as GeoServer and
    /// MapServer accept, for filters too long for a URL) with the query string's parameters beside it. Other POST
    /// bodies (the XML encoding) are refused with OperationNotSupported.
    /// </summary>
    public static async Task<OwsParameters> ReadAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return new OwsParameters(request.Query);
        if (!request.HasFormContentType)
            throw new OwsException(OwsCodes.OperationNotSupported, null, new OwsText(
                "Permintaan POST diterima sebagai formulir (application/x-www-form-urlencoded) dengan parameter KVP; encoding XML tidak didukung.",
                "POST requests are accepted form-encoded (application/x-www-form-urlencoded) with KVP parameters; the XML encoding is not supported."));
        IFormCollection form;
        try
        {
            var feature = new Microsoft.AspNetCore.Http.Features.FormFeature(request, new Microsoft.AspNetCore.Http.Features.FormOptions
            {
                ValueCountLimit = MaxFormValues,
                ValueLengthLimit = MaxValueLength,
                KeyLengthLimit = 200,
                MultipartBodyLengthLimit = MaxValueLength * 2L,
            });
            form = await feature.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            throw new OwsException(OwsCodes.InvalidParameterValue, null, new OwsText(
                $"Formulir terlalu besar: paling banyak {MaxFormValues} parameter dan {MaxValueLength / 1024} KiB per nilai.",
                $"The form is too large: at most {MaxFormValues} parameters and {MaxValueLength / 1024} KiB per value."), StatusCodes.Status413PayloadTooLarge);
        }
        return new OwsParameters(form.Concat(request.Query));
    }

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
