using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DesaGis.Core.Layers;
using DesaGis.Data.Features;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Ows;

/// <summary>
/// Writes a GetFeatureInfo answer as GeoJSON, HTML or plain text. HTML and text are for people, so they speak the
/// caller's language: property labels, yes/no, "no data" instead of a blank, and the decimal comma in Bahasa
/// Indonesia. Years and sources are properties of their own and are listed like the figures they date.
/// </summary>
public static class WmsFeatureInfoWriter
{
    public const string Html = OgcMediaTypes.Html;
    public const string Text = "text/plain";
    public const string Json = OgcMediaTypes.Json;
    public const string GeoJson = OgcMediaTypes.GeoJson;

    public static readonly string[] Formats = [Html, Text, Json, GeoJson];

    /// <summary>The features found per layer, in the order the layers were asked for.</summary>
    public sealed record LayerResult(LayerDefinition Layer, IReadOnlyList<FeatureRecord> Features);

    /// <summary>The format an INFO_FORMAT names (null when not served).</summary>
    public static string? Resolve(string? text)
    {
        if (text is null) return Html;
        var t = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        int semi = t.IndexOf(';', StringComparison.Ordinal);
        if (semi >= 0) t = t[..semi];
        return t switch
        {
            OgcMediaTypes.Html or "html" => Html,
            "text/plain" or "text" => Text,
            OgcMediaTypes.Json or "json" => Json,
            OgcMediaTypes.GeoJson or "application/geojson" or "geojson" => GeoJson,
            _ => null,
        };
    }

    public static byte[] Write(string format, IReadOnlyList<LayerResult> results, OwsLanguage language) => format switch
    {
        Html => Encoding.UTF8.GetBytes(WriteHtml(results, language)),
        Text => Encoding.UTF8.GetBytes(WriteText(results, language)),
        _ => WriteJson(results),
    };

    private static byte[] WriteJson(IReadOnlyList<LayerResult> results)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, OgcResponses.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var result in results)
            {
                foreach (var f in result.Features)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "Feature");
                    w.WriteString("id", result.Layer.Id + "." + Convert.ToString(f.Id, CultureInfo.InvariantCulture));
                    w.WriteString("layer", result.Layer.Id);
                    w.WritePropertyName("geometry");
                    if (f.GeometryJson is null) w.WriteNullValue(); else w.WriteRawValue(f.GeometryJson, skipInputValidation: true);
                    w.WriteStartObject("properties");
                    for (int i = 0; i < result.Layer.Properties.Count; i++)
                    {
                        w.WritePropertyName(result.Layer.Properties[i].Name);
                        GeoJsonFeatureWriter.WriteValue(w, f.Values[i]);
                    }
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string WriteHtml(IReadOnlyList<LayerResult> results, OwsLanguage language)
    {
        bool en = language == OwsLanguage.English;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"").Append(OwsLanguages.Code(language)).Append("\"><head><meta charset=\"utf-8\"><title>")
          .Append(en ? "Feature information" : "Informasi objek").Append("</title><style>")
          .Append("body{font-family:system-ui,sans-serif;font-size:13px;color:#1d2733;margin:6px}h2{font-size:14px;margin:8px 0 4px}")
          .Append("table{border-collapse:collapse;margin-bottom:8px}th,td{border:1px solid #d5dbe1;padding:2px 6px;text-align:left;vertical-align:top}")
          .Append("th{background:#eef1f4;font-weight:600}.none{color:#8a939b}</style></head><body>");
        bool any = false;
        foreach (var result in results)
        {
            foreach (var f in result.Features)
            {
                any = true;
                sb.Append("<h2>").Append(E(Title(result.Layer, f))).Append("</h2><table>");
                sb.Append("<tr><th>").Append(en ? "Layer" : "Lapisan").Append("</th><td>").Append(E(result.Layer.Title)).Append("</td></tr>");
                for (int i = 0; i < result.Layer.Properties.Count; i++)
                {
                    var p = result.Layer.Properties[i];
                    var value = f.Values[i];
                    sb.Append("<tr><th title=\"").Append(E(p.Description)).Append("\">").Append(E(Label(p, language))).Append("</th><td")
                      .Append(value is null ? " class=\"none\"" : "").Append('>').Append(E(Format(value, language))).Append("</td></tr>");
                }
                sb.Append("</table>");
            }
        }
        if (!any) sb.Append("<p class=\"none\">").Append(en ? "No features at this point." : "Tidak ada objek di titik ini.").Append("</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string WriteText(IReadOnlyList<LayerResult> results, OwsLanguage language)
    {
        bool en = language == OwsLanguage.English;
        var sb = new StringBuilder();
        bool any = false;
        foreach (var result in results)
        {
            if (result.Features.Count == 0) continue;
            any = true;
            sb.Append(en ? "Results for layer '" : "Hasil untuk lapisan '").Append(result.Layer.Id).Append("' (").Append(result.Layer.Title).Append("):\n");
            foreach (var f in result.Features)
            {
                sb.Append("--------------------------------------------\n");
                sb.Append(Title(result.Layer, f)).Append('\n');
                for (int i = 0; i < result.Layer.Properties.Count; i++)
                    sb.Append(Label(result.Layer.Properties[i], language)).Append(" = ").Append(Format(f.Values[i], language)).Append('\n');
            }
            sb.Append("--------------------------------------------\n");
        }
        if (!any) sb.Append(en ? "No features at this point.\n" : "Tidak ada objek di titik ini.\n");
        return sb.ToString();
    }

    private static string Title(LayerDefinition layer, FeatureRecord f)
    {
        int i = layer.Properties.ToList().FindIndex(p => p.Name == "nama");
        var id = Convert.ToString(f.Id, CultureInfo.InvariantCulture);
        return i >= 0 && f.Values[i] is string nama ? $"{nama} ({id})" : id ?? "";
    }

    private static string Label(LayerProperty p, OwsLanguage language) => FeatureInfoLabels.Label(p.Name, language) ?? p.Name;

    /// <summary>A value for people: "tidak ada data" / "no data" for null, ya/tidak, the decimal comma in Indonesian.</summary>
    public static string Format(object? value, OwsLanguage language)
    {
        bool en = language == OwsLanguage.English;
        switch (value)
        {
            case null: return en ? "no data" : "tidak ada data";
            case bool b: return b ? (en ? "yes" : "ya") : (en ? "no" : "tidak");
            case double or float or decimal:
                var text = Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.######", CultureInfo.InvariantCulture);
                return en ? text : text.Replace('.', ',');
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
