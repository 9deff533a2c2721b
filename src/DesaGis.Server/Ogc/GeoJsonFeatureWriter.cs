using System.Globalization;
using System.Text.Json;
using DesaGis.Core;
using DesaGis.Core.Layers;
using DesaGis.Data.Features;

namespace DesaGis.Server.Ogc;

/// <summary>Writes one feature as a GeoJSON Feature object; the geometry arrives as GeoJSON text from PostGIS and is copied through.</summary>
public static class GeoJsonFeatureWriter
{
    /// <summary>
    /// Writes the <c>features</c> array from <paramref name="rows"/> (positioned on its first row when
    /// <paramref name="any"/>), sending to <paramref name="body"/> whenever <paramref name="flushEvery"/> bytes are
    /// pending; returns how many features were written. <paramref name="shape"/> may trim a record before it is written.
    /// </summary>
    public static async Task<int> WriteFeaturesAsync(Utf8JsonWriter w, System.IO.Pipelines.PipeWriter body, IAsyncEnumerator<FeatureRecord> rows, bool any,
        IReadOnlyList<string> propertyNames, int flushEvery, Func<FeatureRecord, FeatureRecord>? shape, CancellationToken cancellationToken)
    {
        w.WriteStartArray("features");
        int returned = 0;
        long sent = 0;
        while (any)
        {
            Write(w, shape is null ? rows.Current : shape(rows.Current), propertyNames);
            returned++;
            // The writer hands full buffers to the pipe by itself, but only a pipe flush sends them: without this the
            // whole page would pile up in the pipe.
            if (w.BytesCommitted + w.BytesPending - sent > flushEvery)
            {
                await w.FlushAsync(cancellationToken);
                await body.FlushAsync(cancellationToken);
                sent = w.BytesCommitted;
            }
            any = await rows.MoveNextAsync();
        }
        w.WriteEndArray();
        return returned;
    }

    public static void Write(Utf8JsonWriter w, FeatureRecord record, IReadOnlyList<string> propertyNames, IEnumerable<OgcLink>? links = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        WriteId(w, record.Id);
        if (record.Bbox is BoundingBox box)
        {
            w.WriteStartArray("bbox");
            w.WriteNumberValue(Math.Round(box.MinX, 7));
            w.WriteNumberValue(Math.Round(box.MinY, 7));
            w.WriteNumberValue(Math.Round(box.MaxX, 7));
            w.WriteNumberValue(Math.Round(box.MaxY, 7));
            w.WriteEndArray();
        }
        w.WritePropertyName("geometry");
        if (record.GeometryJson is null) w.WriteNullValue();
        else w.WriteRawValue(record.GeometryJson, skipInputValidation: true);
        w.WriteStartObject("properties");
        for (int i = 0; i < propertyNames.Count; i++)
        {
            w.WritePropertyName(propertyNames[i]);
            WriteValue(w, record.Values[i]);
        }
        w.WriteEndObject();
        if (links is not null) OgcLink.WriteAll(w, links);
        w.WriteEndObject();
    }

    public static IReadOnlyList<string> Names(IEnumerable<LayerProperty> properties) => properties.Select(p => p.Name).ToList();

    private static void WriteId(Utf8JsonWriter w, object id)
    {
        switch (id)
        {
            case int i: w.WriteNumber("id", i); break;
            case long l: w.WriteNumber("id", l); break;
            default: w.WriteString("id", Convert.ToString(id, CultureInfo.InvariantCulture)); break;
        }
    }

    public static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case short s16: w.WriteNumberValue(s16); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case float f when float.IsFinite(f): w.WriteNumberValue(f); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case decimal m: w.WriteNumberValue(m); break;
            case DateOnly date: w.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime dt: w.WriteStringValue(dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: w.WriteStringValue(dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
            case float or double: w.WriteNullValue(); break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
