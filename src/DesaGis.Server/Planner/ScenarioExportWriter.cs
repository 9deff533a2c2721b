using System.Globalization;
using System.Text;
using System.Text.Json;
using DesaGis.Data.Planning;

namespace DesaGis.Server.Planner;

/// <summary>Writes a scenario's villages as GeoJSON or CSV.</summary>
public static class ScenarioExportWriter
{
    public static readonly string[] CsvColumns =
        ["role", "kode", "nama", "kecamatan_kode", "rank", "score", "stability", "pinned", "pilot_kode", "distance_km", "lon", "lat"];

    public static byte[] GeoJson(Scenario scenario, IReadOnlyList<ScenarioExportRow> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("name", scenario.Name);
            w.WriteNumber("scenarioId", scenario.Id);
            w.WriteStartArray("features");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", $"{scenario.Id}:{r.Kode}");
                w.WritePropertyName("geometry");
                if (r.GeometryJson is null) w.WriteNullValue(); else w.WriteRawValue(r.GeometryJson, skipInputValidation: true);
                w.WriteStartObject("properties");
                w.WriteNumber("scenario_id", scenario.Id);
                w.WriteString("role", r.Role);
                w.WriteString("kode", r.Kode);
                w.WriteString("nama", r.Nama);
                w.WriteString("kecamatan_kode", r.KecamatanKode);
                if (r.Role == "pilot")
                {
                    WriteNumber(w, "rank", r.Rank);
                    WriteNumber(w, "score", r.Score);
                    WriteNumber(w, "stability", r.Stability);
                    w.WriteBoolean("pinned", r.Pinned);
                }
                else
                {
                    w.WriteString("pilot_kode", r.PilotKode);
                    WriteNumber(w, "distance_km", r.DistanceKm);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<ScenarioExportRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', CsvColumns)).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] values =
            [
                r.Role, r.Kode, r.Nama, r.KecamatanKode, N(r.Rank), N(r.Score), N(r.Stability), r.Role == "pilot" ? (r.Pinned ? "true" : "false") : "",
                r.PilotKode, N(r.DistanceKm), N(r.Lon), N(r.Lat),
            ];
            sb.Append(string.Join(',', values.Select(Escape))).Append("\r\n");
        }
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static string N(double? x) => x?.ToString("R", CultureInfo.InvariantCulture) ?? "";
    private static string N(int? x) => x?.ToString(CultureInfo.InvariantCulture) ?? "";

    // RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not execute it.
    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
