using System.Globalization;
using System.Text.Json;
using DesaGis.Data.Registry;
using DesaGis.Server.Http;

namespace DesaGis.Server.Registry;

/// <summary>
/// Reads a programme from a GeoJSON feature (POST and PUT) or a JSON Merge Patch of one (PATCH): its properties
/// into typed fields and its geometry as GeoJSON text. Every problem names the member at fault.
/// </summary>
public static class ProgramFeatureReader
{
    /// <summary>The feature members a programme has besides its geometry.</summary>
    public static readonly IReadOnlyList<string> Properties =
        ["kode", "nama", "partner_kode", "sector", "start_date", "end_date", "status", "budget", "desa_kodes"];

    /// <summary>A whole programme (POST, PUT).</summary>
    public static ProgramInput ReadFeature(JsonElement root)
    {
        var (input, _) = Read(root, requireFeature: true);
        return input;
    }

    /// <summary>A partial change (PATCH): only the members present change; null clears.</summary>
    public static ProgramPatch ReadPatch(JsonElement root)
    {
        var (input, has) = Read(root, requireFeature: false);
        return new ProgramPatch(input, has);
    }

    private static (ProgramInput, HashSet<string>) Read(JsonElement root, bool requireFeature)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw Invalid("body", "Isi permintaan harus objek GeoJSON Feature.", "The body must be a GeoJSON Feature object.");
        if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Feature")
            throw Invalid("type", $"Kirim satu GeoJSON Feature, bukan {Problems.Shorten(type.GetString(), 30)}.",
                $"Send one GeoJSON Feature, not a {Problems.Shorten(type.GetString(), 30)}.");
        if (requireFeature && !root.TryGetProperty("properties", out _))
            throw Invalid("properties", "Feature tidak punya 'properties' (nama, sector, desa_kodes, …).",
                "The feature has no 'properties' (nama, sector, desa_kodes, …).");

        var has = new HashSet<string>(StringComparer.Ordinal);
        var input = new ProgramInput();
        if (root.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            input = input with { Kode = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText() };
        if (root.TryGetProperty("geometry", out var geometry))
        {
            has.Add(ProgramPatch.Geometry);
            if (geometry.ValueKind == JsonValueKind.Object) input = input with { GeometryJson = geometry.GetRawText() };
            else if (geometry.ValueKind != JsonValueKind.Null)
                throw Invalid("geometry", "'geometry' harus objek geometri GeoJSON atau null.", "'geometry' must be a GeoJSON geometry object or null.");
        }
        if (root.TryGetProperty("properties", out var props))
        {
            if (props.ValueKind == JsonValueKind.Null) return (input, has);
            if (props.ValueKind != JsonValueKind.Object)
                throw Invalid("properties", "'properties' harus objek.", "'properties' must be an object.");
            foreach (var p in props.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "kode": input = input with { Kode = Text(p.Name, v) ?? input.Kode }; break;
                    case "nama": input = input with { Nama = Text(p.Name, v) }; break;
                    case "partner_kode": input = input with { PartnerKode = Text(p.Name, v) }; break;
                    case "sector": input = input with { Sector = Text(p.Name, v) }; break;
                    case "status": input = input with { Status = Text(p.Name, v) }; break;
                    case "start_date": input = input with { StartDate = Date(p.Name, v) }; break;
                    case "end_date": input = input with { EndDate = Date(p.Name, v) }; break;
                    case "budget": input = input with { Budget = Number(p.Name, v) }; break;
                    case "desa_kodes": input = input with { DesaKodes = Codes(p.Name, v) }; break;
                    default:
                        // Read-only members a client may echo back from a GET are ignored; anything else is a mistake.
                        if (ProgramFeatureWriter.ReadOnlyProperties.Contains(p.Name)) continue;
                        throw Invalid(p.Name,
                            $"Properti '{Problems.Shorten(p.Name, 40)}' tidak dikenal. Properti program: {string.Join(", ", Properties)}.",
                            $"Unknown property '{Problems.Shorten(p.Name, 40)}'. A programme's properties: {string.Join(", ", Properties)}.");
                }
                if (p.Name != "kode") has.Add(p.Name);
            }
        }
        return (input, has);
    }

    private static string? Text(string name, JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => v.GetString(),
        _ => throw Invalid(name, $"'{name}' harus teks.", $"'{name}' must be a string."),
    };

    private static DateOnly? Date(string name, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        var text = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw Invalid(name, $"'{name}' harus tanggal berbentuk YYYY-MM-DD (mis. 2026-01-31), bukan '{Problems.Shorten(text ?? v.GetRawText(), 30)}'.",
            $"'{name}' must be a date written YYYY-MM-DD (e.g. 2026-01-31), not '{Problems.Shorten(text ?? v.GetRawText(), 30)}'.");
    }

    private static decimal? Number(string name, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
        throw Invalid(name, $"'{name}' harus angka (rupiah), tanpa titik ribuan.", $"'{name}' must be a number (rupiah), without thousands separators.");
    }

    private static IReadOnlyList<string> Codes(string name, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array)
            throw Invalid(name, $"'{name}' harus daftar kode desa, mis. [\"52.03.02.2001\"].", $"'{name}' must be a list of village codes, e.g. [\"52.03.02.2001\"].");
        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw Invalid(name, $"Setiap kode desa di '{name}' harus teks.", $"Every village code in '{name}' must be a string.");
            list.Add(item.GetString()!);
        }
        return list;
    }

    private static RegistryException Invalid(string field, string indonesian, string english) =>
        RegistryException.Invalid(field, indonesian, english);
}
