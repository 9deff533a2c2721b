using System.Text.RegularExpressions;

namespace DesaGis.Core.Codes;

/// <summary>
/// A Kemendagri region code (Permendagri/Kepmendagri "kode wilayah"): 2 digits for a province, then 2 for a
/// kabupaten/kota, 2 for a kecamatan and 4 for a desa/kelurahan. Written dotted (63.04.01.2001) or as 10 digits
/// (6304012001). BPS codes are a different system and are only ever joined through the crosswalk.
/// </summary>
public sealed partial record KemendagriCode
{
    private static readonly int[] DottedLengths = [2, 5, 8, 13];
    private static readonly int[] DigitLengths = [2, 4, 6, 10];

    /// <summary>The dotted form, e.g. <c>63.04.01.2001</c>.</summary>
    public string Dotted { get; }

    public AdminLevel Level { get; }

    private KemendagriCode(string dotted, AdminLevel level) => (Dotted, Level) = (dotted, level);

    /// <summary>The digits-only form, e.g. <c>6304012001</c>.</summary>
    public string Digits => Dotted.Replace(".", "", StringComparison.Ordinal);

    /// <summary>The code of the enclosing region, or null for a province.</summary>
    public KemendagriCode? Parent => Level == AdminLevel.Provinsi
        ? null
        : new KemendagriCode(Dotted[..DottedLengths[(int)Level - 2]], Level - 1);

    /// <summary>The code of this region's ancestor at a level (or itself).</summary>
    public KemendagriCode AncestorAt(AdminLevel level)
    {
        if (level > Level) throw new ArgumentOutOfRangeException(nameof(level), $"{Dotted} is a {Level}; it has no {level}.");
        return new KemendagriCode(Dotted[..DottedLengths[(int)level - 1]], level);
    }

    /// <summary>For a village: true when the 4-digit part marks a kelurahan (starts with 1) rather than a desa (2).</summary>
    public bool IsKelurahan => Level == AdminLevel.Desa && Dotted[9] == '1';

    /// <summary>Parses a dotted or digits-only code, trimming spaces. Returns null when it is neither.</summary>
    public static KemendagriCode? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DottedPattern().IsMatch(text))
        {
            int level = Array.IndexOf(DottedLengths, text.Length) + 1;
            return level > 0 ? new KemendagriCode(text, (AdminLevel)level) : null;
        }
        if (DigitsPattern().IsMatch(text))
        {
            int level = Array.IndexOf(DigitLengths, text.Length) + 1;
            if (level == 0) return null;
            var dotted = level switch
            {
                1 => text,
                2 => $"{text[..2]}.{text[2..4]}",
                3 => $"{text[..2]}.{text[2..4]}.{text[4..6]}",
                _ => $"{text[..2]}.{text[2..4]}.{text[4..6]}.{text[6..10]}",
            };
            return new KemendagriCode(dotted, (AdminLevel)level);
        }
        return null;
    }

    public static KemendagriCode Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a Kemendagri code (like 63.04.01.2001 or 6304012001).");

    public override string ToString() => Dotted;

    [GeneratedRegex(@"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")]
    private static partial Regex DottedPattern();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex DigitsPattern();
}
