using System.Globalization;
using System.Text;
using System.Xml.Linq;
using DesaGis.Core.Cql2;
using DesaGis.Core.Features;
using DesaGis.Core.Layers;

namespace DesaGis.Core.Fes;

/// <summary>
/// Parses OGC Filter Encoding (FES 2.0, and Filter 1.1/1.0 as WFS 1.1 clients send it) into the CQL2 expression tree:
/// comparisons (equal, not equal, less/greater, between, like, null), And/Or/Not, the resource-id filters, and the
/// spatial operators BBOX, Intersects, Disjoint, Equals, Touches, Within, Overlaps, Crosses and Contains with GML
/// geometries. Property names are looked up in the layer (namespace prefixes and simple XPath steps are dropped);
/// literals are typed by the property they are compared with. The XML is read by <see cref="SafeXml"/>. Everything
/// else is refused with a <see cref="CqlException"/> that names it, and the result still goes through
/// <see cref="CqlValidator"/> and the one CQL2-to-SQL translator.
/// </summary>
public static class FesFilterParser
{
    /// <summary>Deepest nesting of And/Or/Not accepted.</summary>
    public const int MaxNesting = 32;

    private static readonly Dictionary<string, CqlComparisonOperator> Comparisons = new(StringComparer.Ordinal)
    {
        ["PropertyIsEqualTo"] = CqlComparisonOperator.Equal,
        ["PropertyIsNotEqualTo"] = CqlComparisonOperator.NotEqual,
        ["PropertyIsLessThan"] = CqlComparisonOperator.Less,
        ["PropertyIsLessThanOrEqualTo"] = CqlComparisonOperator.LessOrEqual,
        ["PropertyIsGreaterThan"] = CqlComparisonOperator.Greater,
        ["PropertyIsGreaterThanOrEqualTo"] = CqlComparisonOperator.GreaterOrEqual,
    };

    private static readonly Dictionary<string, CqlSpatialOperator> Spatial = new(StringComparer.Ordinal)
    {
        ["BBOX"] = CqlSpatialOperator.Intersects,
        ["Intersects"] = CqlSpatialOperator.Intersects,
        ["Disjoint"] = CqlSpatialOperator.Disjoint,
        ["Equals"] = CqlSpatialOperator.Equals,
        ["Touches"] = CqlSpatialOperator.Touches,
        ["Within"] = CqlSpatialOperator.Within,
        ["Overlaps"] = CqlSpatialOperator.Overlaps,
        ["Crosses"] = CqlSpatialOperator.Crosses,
        ["Contains"] = CqlSpatialOperator.Contains,
    };

    /// <summary>The comparison operators, by their FES names (for capabilities documents).</summary>
    public static IEnumerable<string> ComparisonOperatorNames =>
        Comparisons.Keys.Concat(["PropertyIsLike", "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween"]);

    /// <summary>The spatial operators, by their FES names.</summary>
    public static IEnumerable<string> SpatialOperatorNames => Spatial.Keys;

    /// <summary>
    /// Parses a filter for a layer. <paramref name="defaultCrs"/> is the CRS of geometries that name none (the
    /// feature type's default CRS). Throws <see cref="CqlException"/>.
    /// </summary>
    public static FesFilter Parse(string xml, LayerDefinition layer, CrsDefinition defaultCrs)
    {
        var root = SafeXml.Parse(xml, "filter");
        return Parse(root, layer, defaultCrs);
    }

    /// <summary>Parses a filter element already read (e.g. inside a POSTed query).</summary>
    public static FesFilter Parse(XElement root, LayerDefinition layer, CrsDefinition defaultCrs)
    {
        if (root.Name.LocalName != "Filter")
            throw new CqlException($"The filter's root element is <{Shorten(root.Name.LocalName)}>; it must be <fes:Filter> (FES 2.0) or <ogc:Filter> (Filter 1.1).");
        var context = new Context(layer, defaultCrs);
        var children = root.Elements().ToList();
        if (children.Count == 0) throw new CqlException("The filter is empty: <Filter> holds no predicate.");
        CqlExpression expression;
        if (children.All(IsResourceId)) expression = ResourceIds(children, layer);
        else if (children.Count == 1) expression = context.Predicate(children[0], 0);
        else throw new CqlException($"<Filter> holds {children.Count} predicates; combine them with <And> or <Or>.");
        CqlValidator.Validate(expression, layer);
        return new FesFilter(expression, context.Crs ?? CrsRegistry.Crs84);
    }

    /// <summary>
    /// The feature ids a list of resource ids names: <c>village_indicators.63.04.01.2001</c> or the bare id. Throws
    /// when an id names another feature type.
    /// </summary>
    public static IReadOnlyList<string> FeatureIds(IEnumerable<string> resourceIds, LayerDefinition layer)
    {
        var ids = new List<string>();
        foreach (var rid in resourceIds)
        {
            var id = rid.Trim();
            if (id.Length == 0) continue;
            if (id.StartsWith(layer.Id + ".", StringComparison.Ordinal)) id = id[(layer.Id.Length + 1)..];
            else if (id.Contains(':', StringComparison.Ordinal) || (LooksTyped(id) && !id.StartsWith(layer.Id, StringComparison.Ordinal)))
                throw new CqlException($"The resource id '{Shorten(rid)}' does not name a feature of '{layer.Id}'; ids look like {layer.Id}.<id>.");
            ids.Add(id);
        }
        if (ids.Count == 0) throw new CqlException("No resource id was given.");
        if (ids.Count > 1000) throw new CqlException("At most 1000 resource ids may be asked for at once.");
        return ids;
    }

    /// <summary>The filter that selects features by id, as an IN on the layer's id property.</summary>
    public static CqlExpression IdFilter(IReadOnlyList<string> ids, LayerDefinition layer)
    {
        var property = layer.Properties.FirstOrDefault(p => p.Column == layer.IdColumn)
            ?? throw new CqlException($"Features of '{layer.Id}' cannot be selected by id; filter on their properties instead.");
        return new CqlIn(new CqlProperty(property.Name), ids.Select(id => Literal(property, id)).ToList());
    }

    // An id with a letter-run and a dot before its first digit was probably written as "type.id" for another type.
    private static bool LooksTyped(string id)
    {
        int dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && id[..dot].Any(char.IsLetter) && id[..dot].All(c => char.IsLetterOrDigit(c) || c == '_');
    }

    private static bool IsResourceId(XElement e) => e.Name.LocalName is "ResourceId" or "GmlObjectId" or "FeatureId";

    private static CqlExpression ResourceIds(IEnumerable<XElement> elements, LayerDefinition layer)
    {
        var rids = elements.Select(e => e.Attributes().FirstOrDefault(a => a.Name.LocalName is "rid" or "id" or "fid")?.Value
            ?? throw new CqlException($"<{e.Name.LocalName}> needs its id attribute (rid, gml:id or fid)."));
        return IdFilter(FeatureIds(rids, layer), layer);
    }

    private static CqlLiteral Literal(LayerProperty property, string text)
    {
        switch (property.Type)
        {
            case PropertyType.Integer:
            case PropertyType.Number:
                if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    throw new CqlException($"{property.Name} is a number; '{Shorten(text)}' is not one.");
                return new CqlLiteral(d);
            case PropertyType.Boolean:
                return text.Trim().ToLowerInvariant() switch
                {
                    "true" or "1" => new CqlLiteral(true),
                    "false" or "0" => new CqlLiteral(false),
                    _ => throw new CqlException($"{property.Name} is true or false; '{Shorten(text)}' is neither."),
                };
            default:
                return new CqlLiteral(text);
        }
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private sealed class Context(LayerDefinition layer, CrsDefinition defaultCrs)
    {
        /// <summary>The CRS of the geometries read so far (all must agree).</summary>
        public CrsDefinition? Crs { get; private set; }

        public CqlExpression Predicate(XElement e, int depth)
        {
            if (depth > MaxNesting) throw new CqlException($"The filter nests And/Or/Not more than {MaxNesting} levels deep.");
            var name = e.Name.LocalName;
            switch (name)
            {
                case "And":
                case "Or":
                {
                    var operands = e.Elements().Select(c => Predicate(c, depth + 1)).ToList();
                    if (operands.Count < 2) throw new CqlException($"<{name}> needs at least two predicates.");
                    return name == "And" ? new CqlAnd(operands) : new CqlOr(operands);
                }
                case "Not":
                {
                    var operands = e.Elements().ToList();
                    if (operands.Count != 1) throw new CqlException("<Not> holds exactly one predicate.");
                    return new CqlNot(Predicate(operands[0], depth + 1));
                }
                case "PropertyIsLike":
                    return Like(e);
                case "PropertyIsNull":
                case "PropertyIsNil":
                {
                    var operands = e.Elements().ToList();
                    if (operands.Count != 1) throw new CqlException($"<{name}> holds one property.");
                    return new CqlIsNull(PropertyOperand(operands[0]).Operand);
                }
                case "PropertyIsBetween":
                    return Between(e);
            }
            if (Comparisons.TryGetValue(name, out var op)) return Comparison(e, op);
            if (Spatial.TryGetValue(name, out var spatial)) return SpatialPredicate(e, spatial);
            if (IsResourceId(e)) throw new CqlException("Resource ids cannot be combined with other predicates; send them alone in the filter.");
            if (name is "DWithin" or "Beyond")
                throw new CqlException($"<{name}> (distance) is not supported; use <Intersects> with a buffered polygon or <BBOX>.");
            if (name is "After" or "Before" or "During" or "TEquals" or "Begins" or "Ends" or "BegunBy" or "EndedBy" or "Meets" or "MetBy"
                or "TOverlaps" or "OverlappedBy" or "TContains" or "AnyInteracts")
                throw new CqlException($"Temporal operators (<{name}>) are not supported: years are integers here; compare them with <PropertyIsGreaterThanOrEqualTo>.");
            throw new CqlException($"<{Shorten(name)}> is not a supported filter predicate. Supported: And, Or, Not, {string.Join(", ", ComparisonOperatorNames)}, {string.Join(", ", SpatialOperatorNames)}, ResourceId.");
        }

        private CqlExpression Comparison(XElement e, CqlComparisonOperator op)
        {
            var operands = e.Elements().ToList();
            if (operands.Count != 2) throw new CqlException($"<{e.Name.LocalName}> compares two values; it holds {operands.Count}.");
            bool ignoreCase = string.Equals((string?)e.Attribute("matchCase"), "false", StringComparison.OrdinalIgnoreCase);
            var (left, right) = TypedPair(operands[0], operands[1]);
            if (ignoreCase && op is CqlComparisonOperator.Equal or CqlComparisonOperator.NotEqual &&
                left is CqlProperty && right is CqlLiteral { Value: string text })
            {
                // Case-insensitive equality is a LIKE without wildcards, compared case-insensitively.
                var like = new CqlLike(left, new CqlLiteral(EscapeLike(text)), IgnoreCase: true);
                return op == CqlComparisonOperator.Equal ? like : new CqlNot(like);
            }
            return new CqlComparison(op, left, right);
        }

        private CqlExpression Between(XElement e)
        {
            var value = e.Elements().FirstOrDefault(x => x.Name.LocalName is not ("LowerBoundary" or "UpperBoundary"))
                ?? throw new CqlException("<PropertyIsBetween> needs the property it tests.");
            var lower = e.Elements().FirstOrDefault(x => x.Name.LocalName == "LowerBoundary")?.Elements().FirstOrDefault()
                ?? throw new CqlException("<PropertyIsBetween> needs a <LowerBoundary> with a <Literal>.");
            var upper = e.Elements().FirstOrDefault(x => x.Name.LocalName == "UpperBoundary")?.Elements().FirstOrDefault()
                ?? throw new CqlException("<PropertyIsBetween> needs an <UpperBoundary> with a <Literal>.");
            var (operand, property) = PropertyOperand(value);
            return new CqlBetween(operand, ValueOperand(lower, property), ValueOperand(upper, property));
        }

        private CqlExpression Like(XElement e)
        {
            var operands = e.Elements().ToList();
            if (operands.Count != 2) throw new CqlException("<PropertyIsLike> holds a property and a <Literal> pattern.");
            var (property, _) = PropertyOperand(operands[0]);
            if (operands[1].Name.LocalName != "Literal") throw new CqlException("The pattern of <PropertyIsLike> must be a <Literal>.");
            string wildCard = Attr(e, "wildCard") ?? "*";
            string singleChar = Attr(e, "singleChar") ?? "?";
            string escape = Attr(e, "escapeChar") ?? Attr(e, "escape") ?? "\\";
            if (wildCard.Length != 1 || singleChar.Length != 1 || escape.Length != 1)
                throw new CqlException("wildCard, singleChar and escapeChar of <PropertyIsLike> must each be one character.");
            var pattern = ToSqlPattern(operands[1].Value, wildCard[0], singleChar[0], escape[0]);
            bool ignoreCase = string.Equals(Attr(e, "matchCase"), "false", StringComparison.OrdinalIgnoreCase);
            return new CqlLike(property, new CqlLiteral(pattern), ignoreCase);
        }

        private static string? Attr(XElement e, string name) => (string?)e.Attribute(name);

        private CqlExpression SpatialPredicate(XElement e, CqlSpatialOperator op)
        {
            CqlOperand? geometryProperty = null;
            CqlGeometry? literal = null;
            foreach (var child in e.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "ValueReference":
                    case "PropertyName":
                        var name = Name(child.Value);
                        if (!IsGeometryName(name))
                            throw new CqlException($"<{e.Name.LocalName}> tests the geometry; '{Shorten(child.Value)}' is not the geometry of '{layer.Id}' (it is called '{CqlValidator.GeometryProperty}').");
                        geometryProperty = new CqlProperty(CqlValidator.GeometryProperty);
                        break;
                    case "Literal":
                        var inner = child.Elements().FirstOrDefault() ?? throw new CqlException($"The <Literal> of <{e.Name.LocalName}> must hold a GML geometry.");
                        literal = Geometry(inner);
                        break;
                    default:
                        literal = Geometry(child);
                        break;
                }
            }
            if (literal is null) throw new CqlException($"<{e.Name.LocalName}> needs a GML geometry (gml:Envelope, gml:Polygon, …).");
            return new CqlSpatial(op, geometryProperty ?? new CqlProperty(CqlValidator.GeometryProperty), literal);
        }

        private CqlGeometry Geometry(XElement e)
        {
            var (geometry, crs) = GmlGeometryReader.Read(e, defaultCrs);
            if (Crs is not null && Crs.Srid != crs.Srid)
                throw new CqlException($"The filter's geometries are in different CRSs ({Crs.Title} and {crs.Title}); give them all in one.");
            Crs = crs;
            return new CqlGeometry(geometry);
        }

        // Two operands, at least one a property: literals take the property's type.
        private (CqlOperand Left, CqlOperand Right) TypedPair(XElement a, XElement b)
        {
            foreach (var e in new[] { a, b })
                if (e.Name.LocalName is not ("ValueReference" or "PropertyName" or "Literal")) throw Unsupported(e, "a property or a <Literal>");
            var pa = AsProperty(a);
            var pb = AsProperty(b);
            if (pa is null && pb is null) throw new CqlException("A comparison needs a property (<ValueReference> or <PropertyName>) on at least one side.");
            CqlOperand left = pa is not null ? new CqlProperty(pa.Name) : ValueOperand(a, pb);
            CqlOperand right = pb is not null ? new CqlProperty(pb.Name) : ValueOperand(b, pa);
            return (left, right);
        }

        private LayerProperty? AsProperty(XElement e) =>
            e.Name.LocalName is "ValueReference" or "PropertyName" ? PropertyOperand(e).Property : null;

        private (CqlOperand Operand, LayerProperty? Property) PropertyOperand(XElement e)
        {
            if (e.Name.LocalName is not ("ValueReference" or "PropertyName"))
                throw Unsupported(e, "a property (<ValueReference> or <PropertyName>)");
            var name = Name(e.Value);
            if (IsGeometryName(name)) return (new CqlProperty(CqlValidator.GeometryProperty), null);
            var property = layer.FindProperty(name);
            if (property is null || !property.Queryable)
                throw new CqlException($"'{Shorten(e.Value.Trim())}' is not a queryable property of '{layer.Id}'. Properties: {string.Join(", ", layer.Properties.Where(p => p.Queryable).Select(p => p.Name))}.");
            return (new CqlProperty(property.Name), property);
        }

        private CqlOperand ValueOperand(XElement e, LayerProperty? typeOf)
        {
            if (e.Name.LocalName is "ValueReference" or "PropertyName") return PropertyOperand(e).Operand;
            if (e.Name.LocalName != "Literal") throw Unsupported(e, "a <Literal>");
            if (e.Elements().Any()) throw new CqlException("A <Literal> compared with a property holds text, not elements.");
            var text = e.Value;
            if (typeOf is not null) return Literal(typeOf, text);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? new CqlLiteral(d)
                : new CqlLiteral(text);
        }

        private static CqlException Unsupported(XElement e, string expected) => e.Name.LocalName switch
        {
            "Function" => new CqlException("Functions (<Function>) are not supported in filters."),
            "Add" or "Sub" or "Mul" or "Div" => new CqlException($"Arithmetic (<{e.Name.LocalName}>) is not supported in filters."),
            _ => new CqlException($"Expected {expected}, found <{Shorten(e.Name.LocalName)}>."),
        };

        private bool IsGeometryName(string name) =>
            name == CqlValidator.GeometryProperty || name == layer.GeometryColumn || name == "geom" || name == "the_geom";

        /// <summary>A property name without namespace prefixes or leading XPath steps (desagis:villages/desagis:nama → nama).</summary>
        private string Name(string raw)
        {
            var text = raw.Trim();
            if (text.Length == 0) throw new CqlException("A <ValueReference> is empty.");
            if (text.Length > 200 || text.IndexOfAny(['[', ']', '@', '(', ')', '*', '=', '\'', '"']) >= 0)
                throw new CqlException($"'{Shorten(text)}' is not a property name; only plain names (optionally prefixed, e.g. desagis:nama) are supported.");
            var steps = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (steps.Length == 0) throw new CqlException($"'{Shorten(text)}' is not a property name.");
            if (steps.Length > 2) throw new CqlException($"'{Shorten(text)}' goes deeper than a property of the feature type.");
            if (steps.Length == 2 && StripPrefix(steps[0]) != layer.Id)
                throw new CqlException($"'{Shorten(text)}' names a property of another feature type than '{layer.Id}'.");
            return StripPrefix(steps[^1]);
        }

        private static string StripPrefix(string step)
        {
            int colon = step.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 ? step[(colon + 1)..] : step;
        }
    }

    /// <summary>
    /// Turns a FES LIKE pattern (its own wildcard, single-character and escape characters) into a SQL LIKE pattern
    /// with % and _ as wildcards and backslash as the escape, as the CQL2 translator expects.
    /// </summary>
    public static string ToSqlPattern(string pattern, char wildCard, char singleChar, char escape)
    {
        var sb = new StringBuilder(pattern.Length + 8);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == escape && i + 1 < pattern.Length)
            {
                AppendLiteral(sb, pattern[++i]);
                continue;
            }
            if (c == wildCard) sb.Append('%');
            else if (c == singleChar) sb.Append('_');
            else AppendLiteral(sb, c);
        }
        return sb.ToString();
    }

    /// <summary>A text matched literally by SQL LIKE (its %, _ and \ escaped).</summary>
    public static string EscapeLike(string text)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text) AppendLiteral(sb, c);
        return sb.ToString();
    }

    private static void AppendLiteral(StringBuilder sb, char c)
    {
        if (c is '%' or '_' or '\\') sb.Append('\\');
        sb.Append(c);
    }
}
