using System.Globalization;
using SortKey = DesaGis.Core.Features.SortKey;
using System.Security.Claims;
using DesaGis.Core;
using DesaGis.Core.Cql2;
using DesaGis.Core.Features;
using DesaGis.Core.Fes;
using DesaGis.Core.Layers;
using DesaGis.Core.Ogc;
using DesaGis.Data.Catalog;

namespace DesaGis.Server.Ows;

/// <summary>
/// A GetFeature request (WFS 2.0 KVP, or WFS 1.1.0's names for the same things) validated into the feature query the
/// OGC API uses: the type, BBOX, FILTER (Filter Encoding, parsed into the CQL2 tree), RESOURCEID, PROPERTYNAME,
/// SORTBY, COUNT/STARTINDEX, SRSNAME, RESULTTYPE and OUTPUTFORMAT. Every name is looked up in the catalog; every
/// value stays a value. The stored query GetFeatureById is a resource-id query.
/// </summary>
public sealed record WfsGetFeatureRequest
{
    /// <summary>The stored query every WFS 2.0 server offers.</summary>
    public const string GetFeatureById = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    public required FeatureQuery Query { get; init; }
    public required WfsOutputFormat Format { get; init; }
    public required bool Hits { get; init; }

    /// <summary>Whether the geometry is written (PROPERTYNAME may leave it out).</summary>
    public required bool IncludeGeometry { get; init; }

    /// <summary>The srsName written into GML (as the client named it, or the type's default).</summary>
    public required string SrsName { get; init; }

    /// <summary>True for a GetFeatureById stored query: one feature, written bare rather than in a collection.</summary>
    public bool SingleFeature { get; init; }

    /// <summary>The default CRS of every feature type: WGS 84 in the EPSG axis order (latitude first), as GeoServer and MapServer announce it.</summary>
    public static readonly CrsDefinition DefaultCrs = OgcCrsNames.ByCode(4326, lonLat: false)!;

    public static WfsGetFeatureRequest Parse(OwsParameters p, WfsVersion version, LayerCatalog catalog, ClaimsPrincipal user)
    {
        bool v2 = version == WfsVersion.V200;
        var storedQuery = p.NonBlank("STOREDQUERY_ID");
        if (storedQuery is not null && storedQuery != GetFeatureById)
            throw OwsException.Invalid("STOREDQUERY_ID", new OwsText(
                $"Stored query '{OwsParameters.Shorten(storedQuery)}' tidak dikenal; yang tersedia: {GetFeatureById}.",
                $"The stored query '{OwsParameters.Shorten(storedQuery)}' is unknown; the one offered is {GetFeatureById}."));

        LayerDefinition layer;
        IReadOnlyList<string>? storedIds = null;
        if (storedQuery is not null)
        {
            // GetFeatureById names the feature as type.id; the type comes from the id.
            var id = p.NonBlank("ID") ?? throw OwsException.Missing("ID", new OwsText("Mis. ID=village_indicators.63.04.01.2001.", "E.g. ID=village_indicators.63.04.01.2001."));
            int dot = id.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0) throw OwsException.Invalid("ID", new OwsText("ID ditulis jenis.id, mis. village_indicators.63.04.01.2001.", "ID is written type.id, e.g. village_indicators.63.04.01.2001."));
            layer = WmsMapRequest.Find(id[..dot], catalog, user, "ID", OwsCodes.InvalidParameterValue);
            storedIds = [id];
        }
        else
        {
            var typeNames = p.First("TYPENAMES", "TYPENAME") ?? throw OwsException.Missing(v2 ? "TYPENAMES" : "TYPENAME", new OwsText(
                "Mis. TYPENAMES=desagis:village_indicators.", "E.g. TYPENAMES=desagis:village_indicators."));
            var names = typeNames.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Length != 1)
                throw new OwsException(OwsCodes.OperationNotSupported, "TYPENAMES", new OwsText(
                    "Satu permintaan GetFeature melayani satu jenis objek; kirim satu permintaan per jenis.",
                    "One GetFeature request serves one feature type; send one request per type."));
            layer = WmsMapRequest.Find(names[0], catalog, user, v2 ? "TYPENAMES" : "TYPENAME", OwsCodes.InvalidParameterValue);
        }

        var (crs, srsName) = OutputCrs(p, v2);
        var format = WfsOutputFormats.Resolve(p.NonBlank("OUTPUTFORMAT"), version) ?? throw OwsException.Invalid("OUTPUTFORMAT", new OwsText(
            $"OUTPUTFORMAT '{OwsParameters.Shorten(p.NonBlank("OUTPUTFORMAT"))}' tidak didukung; gunakan {string.Join(", ", WfsOutputFormats.Announced(version))}.",
            $"OUTPUTFORMAT '{OwsParameters.Shorten(p.NonBlank("OUTPUTFORMAT"))}' is not supported; use {string.Join(", ", WfsOutputFormats.Announced(version))}."));
        // GeoJSON is longitude first whatever the CRS's EPSG axis order (RFC 7946).
        if (format == WfsOutputFormat.GeoJson) crs = GmlGeometryReader.LonLatVariant(crs);

        var filters = new List<CqlExpression>();
        var filterCrs = CrsRegistry.Crs84;
        if (storedIds is not null) filters.Add(IdFilter(storedIds, layer, "ID"));
        if (p.First("RESOURCEID", "FEATUREID") is { } rids)
            filters.Add(IdFilter(rids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), layer, v2 ? "RESOURCEID" : "FEATUREID"));
        if (p.NonBlank("FILTER") is { } filterXml)
        {
            var language = p.NonBlank("FILTER_LANGUAGE");
            if (language is not null && !language.Contains("Filter", StringComparison.OrdinalIgnoreCase) && !language.Contains("FES", StringComparison.OrdinalIgnoreCase))
                throw OwsException.Invalid("FILTER_LANGUAGE", new OwsText(
                    $"FILTER_LANGUAGE '{OwsParameters.Shorten(language)}' tidak didukung; gunakan Filter Encoding (urn:ogc:def:query:OGC-FES:Filter) atau CQL_FILTER.",
                    $"FILTER_LANGUAGE '{OwsParameters.Shorten(language)}' is not supported; use Filter Encoding (urn:ogc:def:query:OGC-FES:Filter) or CQL_FILTER."));
            var parsed = Filter(() => FesFilterParser.Parse(filterXml, layer, DefaultCrs), "FILTER");
            filters.Add(parsed.Expression);
            filterCrs = parsed.Crs;
        }
        if (p.NonBlank("CQL_FILTER") is { } cql)
        {
            // GeoServer's vendor parameter, which many scripts use: CQL2 text, checked like OGC API filters.
            var expression = Filter(() =>
            {
                var e = Cql2TextParser.Parse(cql);
                CqlValidator.Validate(e, layer);
                return new FesFilter(e, CrsRegistry.Crs84);
            }, "CQL_FILTER").Expression;
            if (p.Has("FILTER") && ContainsGeometry(expression))
                throw OwsException.Invalid("CQL_FILTER", new OwsText("CQL_FILTER dan FILTER dengan geometri tidak dapat digabung.", "CQL_FILTER and a FILTER with geometries cannot be combined."));
            filters.Add(expression);
        }

        var (bbox, bboxCrs) = Bbox(p);
        var (properties, includeGeometry) = Properties(p.NonBlank("PROPERTYNAME"), layer);
        var query = new FeatureQuery
        {
            Layer = layer,
            Bbox = bbox,
            BboxCrs = bboxCrs,
            Crs = crs,
            Limit = Count(p, v2),
            Offset = StartIndex(p),
            Properties = properties,
            SortBy = SortBy(p.NonBlank("SORTBY"), layer),
            Filter = filters.Count switch { 0 => null, 1 => filters[0], _ => new CqlAnd(filters) },
            FilterCrs = filterCrs,
        };
        var resultType = p.NonBlank("RESULTTYPE")?.ToLowerInvariant();
        if (resultType is not (null or "results" or "hits"))
            throw OwsException.Invalid("RESULTTYPE", new OwsText("RESULTTYPE adalah results atau hits.", "RESULTTYPE is results or hits."));
        return new WfsGetFeatureRequest
        {
            Query = query, Format = format, Hits = resultType == "hits", IncludeGeometry = includeGeometry, SrsName = srsName,
            SingleFeature = storedQuery is not null,
        };
    }

    private static FesFilter Filter(Func<FesFilter> parse, string parameter)
    {
        try
        {
            return parse();
        }
        catch (CqlException ex)
        {
            throw new OwsException(OwsCodes.InvalidParameterValue, parameter, new OwsText("Filter tidak sah: " + ex.Message, "The filter is not valid: " + ex.Message));
        }
    }

    private static CqlExpression IdFilter(IEnumerable<string> ids, LayerDefinition layer, string parameter) =>
        Filter(() => new FesFilter(FesFilterParser.IdFilter(FesFilterParser.FeatureIds(ids, layer), layer), CrsRegistry.Crs84), parameter).Expression;

    private static bool ContainsGeometry(CqlExpression e) => e switch
    {
        CqlAnd a => a.Operands.Any(ContainsGeometry),
        CqlOr o => o.Operands.Any(ContainsGeometry),
        CqlNot n => ContainsGeometry(n.Operand),
        CqlSpatial => true,
        _ => false,
    };

    private static (CrsDefinition Crs, string Name) OutputCrs(OwsParameters p, bool v2)
    {
        var name = p.NonBlank("SRSNAME");
        if (name is null) return (DefaultCrs, OgcCrsNames.Urn(4326));
        var crs = OgcCrsNames.Resolve(name, epsgShortFormIsLonLat: true) ?? throw OwsException.Invalid("SRSNAME", new OwsText(
            $"SRSNAME '{OwsParameters.Shorten(name)}' tidak didukung. Gunakan urn:ogc:def:crs:EPSG::4326, EPSG:4326 (bujur dahulu), EPSG:3857, EPSG:4755 atau zona UTM EPSG:32746–32754 / 32646–32654.",
            $"SRSNAME '{OwsParameters.Shorten(name)}' is not supported. Use urn:ogc:def:crs:EPSG::4326, EPSG:4326 (longitude first), EPSG:3857, EPSG:4755 or a UTM zone EPSG:32746–32754 / 32646–32654."));
        return (crs, name);
    }

    // BBOX=minx,miny,maxx,maxy[,crs]: in the type's default CRS (latitude first) unless a CRS is named.
    private static (BoundingBox?, CrsDefinition) Bbox(OwsParameters p)
    {
        var text = p.NonBlank("BBOX");
        if (text is null) return (null, CrsRegistry.Crs84);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var crs = DefaultCrs;
        if (parts.Length == 5)
        {
            crs = OgcCrsNames.Resolve(parts[4], epsgShortFormIsLonLat: true) ?? throw OwsException.Invalid("BBOX", new OwsText(
                $"CRS '{OwsParameters.Shorten(parts[4])}' pada BBOX tidak didukung.", $"The CRS '{OwsParameters.Shorten(parts[4])}' of the BBOX is not supported."));
            parts = parts[..4];
        }
        if (!BoundingBox.TryParse(string.Join(',', parts), out var box, out var error, allowAntimeridian: false) || parts.Length != 4)
            throw OwsException.Invalid("BBOX", new OwsText($"BBOX '{OwsParameters.Shorten(text)}' tidak sah: {error}", $"BBOX '{OwsParameters.Shorten(text)}' is not valid: {error}"));
        if (crs.LatitudeFirst) box = new BoundingBox(box.MinY, box.MinX, box.MaxY, box.MaxX);
        var lonLatCrs = GmlGeometryReader.LonLatVariant(crs);
        if (lonLatCrs.Geographic && (Math.Abs(box.MinX) > 180 || Math.Abs(box.MaxX) > 180 || Math.Abs(box.MinY) > 90 || Math.Abs(box.MaxY) > 90))
            throw OwsException.Invalid("BBOX", new OwsText(
                $"BBOX '{OwsParameters.Shorten(text)}' berada di luar dunia; tanpa CRS, BBOX ditulis lintang dahulu (urn:ogc:def:crs:EPSG::4326).",
                $"BBOX '{OwsParameters.Shorten(text)}' lies outside the world; without a CRS a BBOX is written latitude first (urn:ogc:def:crs:EPSG::4326)."));
        return (box, lonLatCrs);
    }

    private static (IReadOnlyList<LayerProperty>?, bool) Properties(string? text, LayerDefinition layer)
    {
        if (text is null) return (null, true);
        var list = new List<LayerProperty>();
        bool geometry = false;
        foreach (var raw in text.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = raw.Contains(':', StringComparison.Ordinal) ? raw[(raw.LastIndexOf(':') + 1)..] : raw;
            if (name == CqlValidator.GeometryProperty || name == layer.GeometryColumn) { geometry = true; continue; }
            var property = layer.FindProperty(name) ?? throw OwsException.Invalid("PROPERTYNAME", new OwsText(
                $"'{OwsParameters.Shorten(raw)}' bukan properti {layer.Id}. Properti: {string.Join(", ", layer.Properties.Select(x => x.Name))}, {CqlValidator.GeometryProperty}.",
                $"'{OwsParameters.Shorten(raw)}' is not a property of {layer.Id}. Properties: {string.Join(", ", layer.Properties.Select(x => x.Name))}, {CqlValidator.GeometryProperty}."));
            if (!list.Contains(property)) list.Add(property);
        }
        return (list, geometry);
    }

    private static IReadOnlyList<SortKey> SortBy(string? text, LayerDefinition layer)
    {
        if (text is null) return [];
        var keys = new List<SortKey>();
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = parts[0].Contains(':', StringComparison.Ordinal) ? parts[0][(parts[0].LastIndexOf(':') + 1)..] : parts[0];
            bool descending = parts.Length > 1 && parts[1].ToUpperInvariant() is "DESC" or "D";
            if (parts.Length > 2 || (parts.Length == 2 && parts[1].ToUpperInvariant() is not ("ASC" or "A" or "DESC" or "D")))
                throw OwsException.Invalid("SORTBY", new OwsText($"SORTBY '{OwsParameters.Shorten(term)}' ditulis 'properti ASC|DESC'.", $"SORTBY '{OwsParameters.Shorten(term)}' is written 'property ASC|DESC'."));
            var property = layer.FindProperty(name);
            if (property is null || !property.Queryable)
                throw OwsException.Invalid("SORTBY", new OwsText($"Tidak dapat mengurutkan menurut '{OwsParameters.Shorten(name)}'.", $"Cannot sort by '{OwsParameters.Shorten(name)}'."));
            if (keys.Any(k => k.Property == property)) continue;
            keys.Add(new SortKey(property, descending));
        }
        return keys;
    }

    private static int Count(OwsParameters p, bool v2)
    {
        var name = v2 ? "COUNT" : "MAXFEATURES";
        var text = p.NonBlank(name) ?? p.NonBlank(v2 ? "MAXFEATURES" : "COUNT");
        if (text is null) return FeatureLimits.Maximum;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            if (text.All(char.IsAsciiDigit) && text.Length > 0 && text.TrimStart('0').Length > 0) return FeatureLimits.Maximum;
            throw OwsException.Invalid(name, new OwsText($"{name} harus bilangan bulat positif.", $"{name} must be a positive whole number."));
        }
        return (int)Math.Min(n, FeatureLimits.Maximum);
    }

    private static long StartIndex(OwsParameters p)
    {
        var text = p.NonBlank("STARTINDEX");
        if (text is null) return 0;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > int.MaxValue)
            throw OwsException.Invalid("STARTINDEX", new OwsText("STARTINDEX adalah bilangan bulat 0 atau lebih.", "STARTINDEX is a whole number of 0 or more."));
        return n;
    }
}
