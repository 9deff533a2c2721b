using System.Globalization;
using DesaGis.Core.Codes;

namespace DesaGis.Data.Import.Targets;

/// <summary>
/// Reads one source record's values into typed target fields: codes normalised to the dotted Kemendagri form (BPS
/// codes translated through the crosswalk), numbers read with either decimal separator, ranges and choices checked.
/// </summary>
public sealed class RowConverter(TargetDefinition target, FieldMapping mapping, CodeSystem codeSystem, IReadOnlyDictionary<string, string>? crosswalk)
{
    public RowOutcome Convert(IReadOnlyDictionary<string, object?> attributes)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in target.Fields)
        {
            if (mapping.For(field) is not { } source) continue;
            var raw = source.ValueIn(attributes, mapping.Constants);
            var text = raw switch
            {
                null => null,
                double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => raw.ToString(),
            };
            text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            if (text is null)
            {
                if (field.Key || (field.Required && field.Name != "level")) return RowOutcome.Reject($"no {field.Name} (column {source} is empty)");
                values[field.Name] = null;
                continue;
            }
            string? error = null;
            object? value = field.Kind switch
            {
                FieldKind.Text => text,
                FieldKind.Code => ReadCode(field, text, ref error, out var skip) is var code && skip ? SkipMarker : code,
                FieldKind.CodeList => ReadCodeList(field, text, ref error),
                FieldKind.Integer => ReadInteger(field, raw, text, ref error),
                FieldKind.Number => ReadNumber(field, raw, text, ref error),
                FieldKind.Date => ReadDate(raw, text, ref error),
                FieldKind.Year => ReadYear(raw, text, ref error),
                FieldKind.Choice => ReadChoice(field, text, ref error),
                _ => text,
            };
            if (ReferenceEquals(value, SkipMarker)) return RowOutcome.Skip();
            if (error is not null) return RowOutcome.Reject($"{field.Name}: {error}");
            values[field.Name] = value;
        }

        switch (target.Target)
        {
            case ImportTarget.Kabupaten:
                // Kemendagri numbers kota 71 and up within a province.
                if (values.GetValueOrDefault("jenis") is null)
                    values["jenis"] = int.Parse(((string)values["kode"]!)[3..5], CultureInfo.InvariantCulture) >= 71 ? "kota" : "kabupaten";
                break;
            case ImportTarget.Desa:
                if (values.GetValueOrDefault("jenis") is null)
                    values["jenis"] = KemendagriCode.Parse((string)values["kode"]!).IsKelurahan ? "kelurahan" : "desa";
                break;
            case ImportTarget.CodeCrosswalk:
                var bps = (string)values["kode_bps"]!;
                if (!bps.All(char.IsAsciiDigit)) return RowOutcome.Reject($"kode_bps: '{bps}' is not a BPS code (digits only)");
                values["level"] = values.GetValueOrDefault("level") ?? bps.Length switch { 2 => "provinsi", 4 => "kabupaten", 7 => "kecamatan", 10 => "desa", _ => null };
                if (values["level"] is null) return RowOutcome.Reject($"kode_bps: '{bps}' has {bps.Length} digits; BPS codes have 2, 4, 7 or 10");
                break;
            case ImportTarget.Program:
                if (values.GetValueOrDefault("start_date") is DateOnly start && values.GetValueOrDefault("end_date") is DateOnly end && end < start)
                    return RowOutcome.Reject($"end_date {end:yyyy-MM-dd} is before start_date {start:yyyy-MM-dd}");
                break;
        }
        var key = string.Join("|", target.Keys.Select(k => values.GetValueOrDefault(k.Name)?.ToString()));
        return new RowOutcome(values, key, null);
    }

    private static readonly object SkipMarker = new();

    private string? ReadCode(TargetField field, string text, ref string? error, out bool skip)
    {
        skip = false;
        if (codeSystem == CodeSystem.Bps && field.Name == target.CrosswalkField)
        {
            var digits = text.Replace(".", "", StringComparison.Ordinal);
            if (crosswalk is null || !crosswalk.TryGetValue(digits, out var translated))
            {
                error = $"BPS code '{text}' is not in the {target.CrosswalkLevel} code crosswalk (import the crosswalk first: --preset bps-crosswalk)";
                return null;
            }
            text = translated;
        }
        var code = KemendagriCode.TryParse(text);
        if (code is null)
        {
            error = $"'{text}' is not a Kemendagri code (like 63.04.01.2001 or 6304012001)";
            return null;
        }
        if (field.Level is { } level && code.Level != level)
        {
            // A code list mixes levels; rows of another level belong to another table.
            if (field.Key) { skip = true; return null; }
            error = $"'{text}' is a {code.Level.ToString().ToLowerInvariant()} code, not a {level.ToString().ToLowerInvariant()} code";
            return null;
        }
        return code.Dotted;
    }

    private static string[]? ReadCodeList(TargetField field, string text, ref string? error)
    {
        var codes = new List<string>();
        foreach (var part in text.Split([',', ';', '|', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = KemendagriCode.TryParse(part);
            if (code is null || (field.Level is { } level && code.Level != level))
            {
                error = $"'{part}' is not a village code (like 63.04.01.2001)";
                return null;
            }
            if (!codes.Contains(code.Dotted)) codes.Add(code.Dotted);
        }
        return codes.Count == 0 ? null : codes.ToArray();
    }

    internal static double? ParseNumber(object? raw, string text)
    {
        if (raw is double d) return d;
        if (raw is long l) return l;
        if (raw is int i) return i;
        if (raw is decimal m) return (double)m;
        if (raw is float f) return f;
        // Indonesian files often write decimal commas ("18,98"); a comma is a decimal separator only when there is no point.
        var normalized = text.Contains('.') ? text : text.Replace(',', '.');
        return double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }

    private static object? ReadNumber(TargetField field, object? raw, string text, ref string? error)
    {
        if (ParseNumber(raw, text) is not double v) { error = $"'{text}' is not a number"; return null; }
        if (v < field.Min || v > field.Max) { error = $"{text} is outside {field.Min}–{field.Max}"; return null; }
        return v;
    }

    private static object? ReadInteger(TargetField field, object? raw, string text, ref string? error)
    {
        if (ParseNumber(raw, text) is not double v || v != Math.Floor(v) || Math.Abs(v) > (field.SqlType == "bigint" ? 9e15 : int.MaxValue))
        {
            error = $"'{text}' is not a whole number";
            return null;
        }
        if (v < field.Min) { error = $"{text} is below {field.Min}"; return null; }
        return field.SqlType == "bigint" ? (object)(long)v : (int)v;
    }

    private static object? ReadYear(object? raw, string text, ref string? error)
    {
        if (ParseNumber(raw, text) is double v && v == Math.Floor(v) && v is >= 1900 and <= 2200) return (int)v;
        error = $"'{text}' is not a year";
        return null;
    }

    private static object? ReadDate(object? raw, string text, ref string? error)
    {
        if (raw is DateTime dt) return DateOnly.FromDateTime(dt);
        if (raw is DateOnly d) return d;
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "yyyy/MM/dd", "yyyyMMdd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return DateOnly.FromDateTime(parsed);
        error = $"'{text}' is not a date (write 2024-03-31)";
        return null;
    }

    private static object? ReadChoice(TargetField field, string text, ref string? error)
    {
        var candidate = field.Synonyms.FirstOrDefault(s => s.Key.Equals(text, StringComparison.OrdinalIgnoreCase)).Value ?? text;
        var choice = field.Choices.FirstOrDefault(c => c.Equals(candidate, StringComparison.OrdinalIgnoreCase)
            || c.Equals(candidate.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
        if (choice is not null) return choice;
        // jenis can always be derived from the code; a file's own wording ("kabupaten" vs "provinsi") is not an error.
        if (field.Name == "jenis") return null;
        error = $"'{text}' is not one of {string.Join(", ", field.Choices)}";
        return null;
    }
}
