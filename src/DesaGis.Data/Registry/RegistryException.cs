namespace DesaGis.Data.Registry;

/// <summary>
/// A registry write refused before anything was changed (the transaction is rolled back). It names the field at
/// fault and says what to do, in Bahasa Indonesia and English.
/// </summary>
public sealed class RegistryException(RegistryErrorKind kind, string? field, string indonesian, string english,
    IReadOnlyList<string>? values = null, int? currentRevision = null) : Exception(english)
{
    public RegistryErrorKind Kind { get; } = kind;

    /// <summary>The field of the feature at fault (e.g. <c>desa_kodes</c>, <c>end_date</c>, <c>geometry</c>), if one is.</summary>
    public string? Field { get; } = field;

    public string Indonesian { get; } = indonesian;

    /// <summary>The offending values, e.g. the unknown village codes.</summary>
    public IReadOnlyList<string> Values { get; } = values ?? [];

    /// <summary>For a stale write: the programme's newest revision.</summary>
    public int? CurrentRevision { get; } = currentRevision;

    public static RegistryException Invalid(string field, string indonesian, string english, IReadOnlyList<string>? values = null) =>
        new(RegistryErrorKind.Invalid, field, indonesian, english, values);
}
