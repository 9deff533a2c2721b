using System.Globalization;
using System.Text.Json;
using DesaGis.Data.Registry;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Registry;

/// <summary>Writes a programme version as a GeoJSON feature: its footprint, its fields and where it stands in review.</summary>
public static class ProgramFeatureWriter
{
    /// <summary>Members the server writes that a client may send back unchanged (they are ignored on input).</summary>
    public static readonly IReadOnlySet<string> ReadOnlyProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "partner_nama", "partner_kind", "village_count", "start_year", "end_year", "revision", "state", "operation", "author",
        "created_at", "reviewer", "reviewed_at", "review_comment", "published_at", "geometry_note",
    };

    public static void Write(Utf8JsonWriter w, ProgramRevision r, IReadOnlyList<OgcLink>? links = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", r.Kode);
        w.WritePropertyName("geometry");
        if (r.FootprintJson is { } g) w.WriteRawValue(g, skipInputValidation: true); else w.WriteNullValue();
        w.WriteStartObject("properties");
        w.WriteString("kode", r.Kode);
        w.WriteString("nama", r.Nama);
        w.WriteString("partner_kode", r.PartnerKode);
        w.WriteString("partner_nama", r.PartnerNama);
        w.WriteString("sector", r.Sector);
        w.WriteString("status", r.Status);
        Date(w, "start_date", r.StartDate);
        Date(w, "end_date", r.EndDate);
        if (r.Budget is { } b) w.WriteNumber("budget", b); else w.WriteNull("budget");
        w.WriteStartArray("desa_kodes");
        foreach (var k in r.DesaKodes) w.WriteStringValue(k);
        w.WriteEndArray();
        w.WriteNumber("village_count", r.DesaKodes.Count);
        w.WriteNumber("revision", r.Revision);
        w.WriteString("state", r.State);
        w.WriteString("operation", r.Operation);
        w.WriteString("author", r.Author);
        w.WriteString("created_at", r.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Text(w, "reviewer", r.Reviewer);
        Time(w, "reviewed_at", r.ReviewedAt);
        Text(w, "review_comment", r.ReviewComment);
        Time(w, "published_at", r.PublishedAt);
        Text(w, "geometry_note", r.GeometryNote);
        w.WriteEndObject();
        if (links is not null) OgcLink.WriteAll(w, links);
        w.WriteEndObject();
    }

    /// <summary>Several versions as a FeatureCollection.</summary>
    public static void WriteCollection(Utf8JsonWriter w, IEnumerable<ProgramRevision> revisions, IReadOnlyList<OgcLink>? links = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        if (links is not null) OgcLink.WriteAll(w, links);
        w.WriteStartArray("features");
        int n = 0;
        foreach (var r in revisions) { Write(w, r); n++; }
        w.WriteEndArray();
        w.WriteNumber("numberReturned", n);
        w.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } v) w.WriteString(name, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNull(name);
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? t)
    {
        if (t is { } v) w.WriteString(name, v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)); else w.WriteNull(name);
    }

    private static void Text(Utf8JsonWriter w, string name, string? s)
    {
        if (s is null) w.WriteNull(name); else w.WriteString(name, s);
    }
}
