using System.Globalization;
using System.Text;
using System.Xml;
using DesaGis.Core.Mapping;

namespace DesaGis.Data.Export;

/// <summary>Writes GPX 1.1 waypoints, one per feature at a point inside it (village centroids for a phone GPS).</summary>
public static class GpxExporter
{
    private const string Ns = "http://www.topografix.com/GPX/1/1";

    public static async Task WriteAsync(FeatureSet features, string title, Stream output, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "gpx", Ns);
        await xml.WriteAttributeStringAsync(null, "version", null, "1.1");
        await xml.WriteAttributeStringAsync(null, "creator", null, "DesaGis");
        await xml.WriteStartElementAsync(null, "metadata", Ns);
        await xml.WriteElementStringAsync(null, "name", Ns, title);
        await xml.WriteEndElementAsync();
        foreach (var f in features.Features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var point = ExportFeatures.Anchor(f.Geometry);
            await xml.WriteStartElementAsync(null, "wpt", Ns);
            await xml.WriteAttributeStringAsync(null, "lat", null, point.Y.ToString("0.#######", CultureInfo.InvariantCulture));
            await xml.WriteAttributeStringAsync(null, "lon", null, point.X.ToString("0.#######", CultureInfo.InvariantCulture));
            await xml.WriteElementStringAsync(null, "name", Ns, KmlExporter.NameOf(f));
            await xml.WriteElementStringAsync(null, "desc", Ns, Describe(f));
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static string Describe(MapFeature f)
    {
        var parts = new List<string>();
        if (f.Id is not null) parts.Add("kode " + f.Id);
        if (f["poverty_rate"] is double rate) parts.Add($"kemiskinan {rate.ToString("0.#", CultureInfo.InvariantCulture)} %");
        if (f["idm_status"] is string idm) parts.Add("IDM " + idm);
        if (f["kecamatan_nama"] is string kec) parts.Add("Kec. " + kec);
        return string.Join("; ", parts);
    }
}
