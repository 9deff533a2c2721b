using System.Text.Json;

namespace DesaGis.Server.Ogc;

/// <summary>A link of an OGC API response.</summary>
public sealed record OgcLink(string Href, string Rel, string? Type = null, string? Title = null, bool Templated = false)
{
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("href", Href);
        w.WriteString("rel", Rel);
        if (Type is not null) w.WriteString("type", Type);
        if (Title is not null) w.WriteString("title", Title);
        if (Templated) w.WriteBoolean("templated", true);
        w.WriteEndObject();
    }

    public static void WriteAll(Utf8JsonWriter w, IEnumerable<OgcLink> links)
    {
        w.WriteStartArray("links");
        foreach (var link in links) link.Write(w);
        w.WriteEndArray();
    }
}
