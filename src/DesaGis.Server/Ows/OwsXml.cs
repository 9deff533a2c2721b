using System.Text;
using System.Xml;

namespace DesaGis.Server.Ows;

/// <summary>Writes the XML documents of the services: UTF-8 without a byte-order mark, indented, into memory.</summary>
public static class OwsXml
{
    public const string Xlink = "http://www.w3.org/1999/xlink";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";
    public const string Ows11 = "http://www.opengis.net/ows/1.1";
    public const string Ows10 = "http://www.opengis.net/ows";
    public const string Ogc = "http://www.opengis.net/ogc";
    public const string Wms = "http://www.opengis.net/wms";
    public const string Sld = "http://www.opengis.net/sld";
    public const string Wfs20 = "http://www.opengis.net/wfs/2.0";
    public const string Wfs11 = "http://www.opengis.net/wfs";
    public const string Fes20 = "http://www.opengis.net/fes/2.0";
    public const string Gml32 = "http://www.opengis.net/gml/3.2";
    public const string Gml31 = "http://www.opengis.net/gml";

    /// <summary>The namespace of DesaGis feature types (prefix <see cref="Prefix"/>).</summary>
    public const string DesaGisNamespace = "https://desagis.id/ns/features";
    public const string Prefix = "desagis";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = " ",
        NamespaceHandling = NamespaceHandling.OmitDuplicates,
        CheckCharacters = false,
    };

    /// <summary>Writes a document into a byte array.</summary>
    public static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, Settings))
        {
            w.WriteStartDocument();
            write(w);
            w.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>Creates a writer over a stream (for documents streamed as they are written).</summary>
    public static XmlWriter Create(Stream stream) => XmlWriter.Create(stream, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        NamespaceHandling = NamespaceHandling.OmitDuplicates,
        CheckCharacters = false,
        Async = true,
    });

    /// <summary>Text safe for XML 1.0: characters XML cannot carry (control characters, lone surrogates) are dropped.</summary>
    public static string Clean(string text)
    {
        bool clean = true;
        foreach (var c in text) if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)) { clean = false; break; }
        if (clean && !HasLoneSurrogate(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (XmlConvert.IsXmlChar(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}
