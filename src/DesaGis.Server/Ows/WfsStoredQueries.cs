using System.Security.Claims;
using DesaGis.Data.Catalog;
using DesaGis.Server.Security;

namespace DesaGis.Server.Ows;

/// <summary>The stored queries of the WFS 2.0 simple profile: GetFeatureById, the only one offered (none can be added).</summary>
public static class WfsStoredQueries
{
    public static byte[] List(LayerCatalog catalog, ClaimsPrincipal user) => OwsXml.Write(w =>
    {
        w.WriteStartElement("wfs", "ListStoredQueriesResponse", OwsXml.Wfs20);
        w.WriteAttributeString("xmlns", OwsXml.Prefix, null, OwsXml.DesaGisNamespace);
        w.WriteStartElement("wfs", "StoredQuery", OwsXml.Wfs20);
        w.WriteAttributeString("id", WfsGetFeatureRequest.GetFeatureById);
        w.WriteElementString("wfs", "Title", OwsXml.Wfs20, "Get feature by identifier");
        foreach (var layer in LayerAccess.Visible(catalog, user))
            w.WriteElementString("wfs", "ReturnFeatureType", OwsXml.Wfs20, WfsNames.TypeName(layer));
        w.WriteEndElement();
        w.WriteEndElement();
    });

    public static byte[] Describe(OwsParameters p, LayerCatalog catalog, ClaimsPrincipal user)
    {
        if (p.NonBlank("STOREDQUERY_ID") is { } ids &&
            ids.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(id => id != WfsGetFeatureRequest.GetFeatureById) is { } unknown)
            throw OwsException.Invalid("STOREDQUERY_ID", new OwsText(
                $"Stored query '{OwsParameters.Shorten(unknown)}' tidak dikenal; yang tersedia: {WfsGetFeatureRequest.GetFeatureById}.",
                $"The stored query '{OwsParameters.Shorten(unknown)}' is unknown; the one offered is {WfsGetFeatureRequest.GetFeatureById}."));
        return OwsXml.Write(w =>
        {
            w.WriteStartElement("wfs", "DescribeStoredQueriesResponse", OwsXml.Wfs20);
            w.WriteAttributeString("xmlns", "xsd", null, OwsXml.Xsd);
            w.WriteAttributeString("xmlns", OwsXml.Prefix, null, OwsXml.DesaGisNamespace);
            w.WriteStartElement("wfs", "StoredQueryDescription", OwsXml.Wfs20);
            w.WriteAttributeString("id", WfsGetFeatureRequest.GetFeatureById);
            w.WriteElementString("wfs", "Title", OwsXml.Wfs20, "Get feature by identifier");
            w.WriteElementString("wfs", "Abstract", OwsXml.Wfs20, "Returns the single feature whose identifier (type.id, e.g. village_indicators.63.04.01.2001) is given as ID.");
            w.WriteStartElement("wfs", "Parameter", OwsXml.Wfs20);
            w.WriteAttributeString("name", "ID");
            w.WriteAttributeString("type", "xsd:string");
            w.WriteEndElement();
            w.WriteStartElement("wfs", "QueryExpressionText", OwsXml.Wfs20);
            w.WriteAttributeString("returnFeatureTypes", string.Join(' ', LayerAccess.Visible(catalog, user).Select(WfsNames.TypeName)));
            w.WriteAttributeString("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFS_QueryExpression");
            w.WriteAttributeString("isPrivate", "true");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }
}
