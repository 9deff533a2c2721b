using System.Text.Json;
using System.Text.Json.Serialization;

namespace DesaGis.Planning.Results;

/// <summary>
/// Something a planner must know before using a result: a stable <paramref name="Code"/> for programs and a sentence in
/// the language of the request. <paramref name="Criterion"/> names the criterion concerned, when there is one.
/// </summary>
[JsonConverter(typeof(PlanWarningConverter))]
public sealed record PlanWarning(string Code, string Message, string? Criterion = null)
{
    public override string ToString() => Message;
}

/// <summary>Reads warnings as objects, and as the plain sentences that results saved before warnings had codes hold.</summary>
public sealed class PlanWarningConverter : JsonConverter<PlanWarning>
{
    public override PlanWarning? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new PlanWarning("note", reader.GetString() ?? "");
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        string Get(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
        return new PlanWarning(Get("code"), Get("message"), root.TryGetProperty("criterion", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null);
    }

    public override void Write(Utf8JsonWriter writer, PlanWarning value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("code", value.Code);
        writer.WriteString("message", value.Message);
        if (value.Criterion is not null) writer.WriteString("criterion", value.Criterion);
        writer.WriteEndObject();
    }
}
