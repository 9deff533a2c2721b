using System.Xml;
using System.Xml.Linq;
using DesaGis.Core.Cql2;

namespace DesaGis.Core.Fes;

/// <summary>
/// Reads XML that comes from a request (filters, POSTed queries) without the classic traps: no DTD (so no entity
/// expansion bombs), no external entities or schema fetching, a bounded size and a bounded element count and depth.
/// Anything refused becomes a <see cref="CqlException"/> that says why.
/// </summary>
public static class SafeXml
{
    /// <summary>Largest document read, in characters.</summary>
    public const int MaxCharacters = 256 * 1024;

    /// <summary>Most elements one document may have.</summary>
    public const int MaxElements = 20_000;

    /// <summary>Deepest nesting of elements accepted.</summary>
    public const int MaxDepth = 64;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>Parses the text, or throws <see cref="CqlException"/> with a reason a client can act on.</summary>
    public static XElement Parse(string text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new CqlException($"The {what} is empty.");
        if (text.Length > MaxCharacters)
            throw new CqlException($"The {what} is {text.Length} characters long; at most {MaxCharacters} are accepted.");
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            int elements = 0;
            // The depth and count are checked while reading, before a hostile document is ever built in memory.
            var root = new XDocument();
            XContainer current = root;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        if (++elements > MaxElements)
                            throw new CqlException($"The {what} has more than {MaxElements} elements.");
                        if (reader.Depth >= MaxDepth)
                            throw new CqlException($"The {what} is nested more than {MaxDepth} levels deep.");
                        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                        if (reader.HasAttributes)
                        {
                            // Namespace declarations are already in the element and attribute names.
                            while (reader.MoveToNextAttribute())
                                if (reader.NamespaceURI != XNamespace.Xmlns.NamespaceName)
                                    element.Add(new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value));
                            reader.MoveToElement();
                        }
                        current.Add(element);
                        if (!reader.IsEmptyElement) current = element;
                        break;
                    }
                    case XmlNodeType.EndElement:
                        current = current.Parent ?? (XContainer)root;
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                        current.Add(new XText(reader.Value));
                        break;
                }
            }
            return root.Root ?? throw new CqlException($"The {what} has no root element.");
        }
        catch (XmlException ex)
        {
            var reason = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "DTDs and entity declarations are not accepted"
                : ex.Message;
            throw new CqlException($"The {what} is not well-formed XML ({reason}).");
        }
    }
}
