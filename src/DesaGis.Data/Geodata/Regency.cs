namespace DesaGis.Data.Geodata;

/// <summary>A kabupaten of the bundled real dataset: its Kemendagri code, its BPS code (they differ) and its name.</summary>
public sealed record Regency(string Kode, string KodeBps, string Nama)
{
    /// <summary>The four regencies of the shared geodata, by Kemendagri code.</summary>
    public static IReadOnlyList<Regency> Bundled { get; } =
    [
        new("52.03", "5203", "Lombok Timur"),
        new("61.04", "6106", "Ketapang"),
        new("61.06", "6108", "Kapuas Hulu"),
        new("63.04", "6304", "Barito Kuala"),
    ];

    /// <summary>True when a dotted Kemendagri code lies in one of the bundled regencies (or is one).</summary>
    public static bool Contains(string kode) =>
        Bundled.Any(r => kode == r.Kode || kode.StartsWith(r.Kode + ".", StringComparison.Ordinal));

    /// <summary>The provinces of the bundled regencies.</summary>
    public static IReadOnlyList<string> Provinces { get; } = Bundled.Select(r => r.Kode[..2]).Distinct().Order(StringComparer.Ordinal).ToList();
}
