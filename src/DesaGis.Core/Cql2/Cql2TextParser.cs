using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace DesaGis.Core.Cql2;

/// <summary>
/// Parses CQL2 text (OGC 21-065) into a <see cref="CqlExpression"/> tree: comparisons, AND/OR/NOT, LIKE, BETWEEN,
/// IN, IS NULL and the spatial functions with WKT or BBOX literals. Anything else is refused with a
/// <see cref="CqlException"/> that names it.
/// </summary>
public sealed class Cql2TextParser
{
    private static readonly HashSet<string> GeometryKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION",
    };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL",
    };

    private readonly string _text;
    private readonly List<CqlToken> _tokens;
    private int _pos;
    private int _depth;

    private Cql2TextParser(string text)
    {
        _text = text;
        _tokens = CqlLexer.Tokenize(text);
    }

    /// <summary>Parses a whole CQL2 text filter.</summary>
    public static CqlExpression Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new CqlException("The filter is empty.");
        var parser = new Cql2TextParser(text);
        var expression = parser.ParseOr();
        if (parser.Peek.Kind != CqlTokenKind.End)
            throw parser.Unexpected("the end of the filter, AND or OR");
        return expression;
    }

    private CqlToken Peek => _tokens[_pos];
    private CqlToken PeekAt(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];
    private CqlToken Next() => _tokens[_pos++ < _tokens.Count - 1 ? _pos - 1 : _tokens.Count - 1];

    private CqlExpression ParseOr()
    {
        var first = ParseAnd();
        if (!Peek.IsKeyword("OR")) return first;
        var list = new List<CqlExpression> { first };
        while (Peek.IsKeyword("OR")) { Next(); list.Add(ParseAnd()); }
        return new CqlOr(list);
    }

    private CqlExpression ParseAnd()
    {
        var first = ParseNot();
        if (!Peek.IsKeyword("AND")) return first;
        var list = new List<CqlExpression> { first };
        while (Peek.IsKeyword("AND")) { Next(); list.Add(ParseNot()); }
        return new CqlAnd(list);
    }

    private CqlExpression ParseNot()
    {
        if (Peek.IsKeyword("NOT")) { Next(); return new CqlNot(Enter(ParseNot)); }
        return ParsePrimary();
    }

    // Deeply nested input is refused instead of exhausting the stack.
    private T Enter<T>(Func<T> parse)
    {
        if (++_depth > 100) throw new CqlException("The filter is nested more than 100 levels deep.");
        try { return parse(); } finally { _depth--; }
    }

    private CqlExpression ParsePrimary()
    {
        var t = Peek;
        if (t.Kind == CqlTokenKind.LeftParen)
        {
            Next();
            var inner = Enter(ParseOr);
            Expect(CqlTokenKind.RightParen, "')' to close the parenthesis opened at position " + t.Start);
            return inner;
        }
        if (t.Kind == CqlTokenKind.Identifier && PeekAt(1).Kind == CqlTokenKind.LeftParen &&
            CqlSpatial.FromFunctionName(t.Text) is { } spatial)
        {
            Next();
            Next();
            var left = ParseOperand();
            Expect(CqlTokenKind.Comma, "',' between the two arguments of " + CqlSpatial.FunctionName(spatial));
            var right = ParseOperand();
            Expect(CqlTokenKind.RightParen, "')' to close " + CqlSpatial.FunctionName(spatial));
            return new CqlSpatial(spatial, left, right);
        }
        if ((t.IsKeyword("TRUE") || t.IsKeyword("FALSE")) && !StartsPredicateTail(PeekAt(1)))
        {
            Next();
            return new CqlBooleanConstant(t.IsKeyword("TRUE"));
        }
        return ParsePredicate();
    }

    private static bool StartsPredicateTail(CqlToken t) =>
        t.Kind is CqlTokenKind.Operator || t.IsKeyword("LIKE") || t.IsKeyword("BETWEEN") || t.IsKeyword("IN") ||
        t.IsKeyword("IS") || t.IsKeyword("NOT");

    private CqlExpression ParsePredicate()
    {
        var value = ParseOperand();
        var t = Peek;
        if (t.Kind == CqlTokenKind.Operator)
        {
            Next();
            var op = t.Text switch
            {
                "=" => CqlComparisonOperator.Equal,
                "<>" => CqlComparisonOperator.NotEqual,
                "<" => CqlComparisonOperator.Less,
                "<=" => CqlComparisonOperator.LessOrEqual,
                ">" => CqlComparisonOperator.Greater,
                _ => CqlComparisonOperator.GreaterOrEqual,
            };
            return new CqlComparison(op, value, ParseOperand());
        }
        bool negated = false;
        if (t.IsKeyword("NOT") && (PeekAt(1).IsKeyword("LIKE") || PeekAt(1).IsKeyword("BETWEEN") || PeekAt(1).IsKeyword("IN")))
        {
            Next();
            negated = true;
            t = Peek;
        }
        CqlExpression result;
        if (t.IsKeyword("LIKE"))
        {
            Next();
            result = new CqlLike(value, ParseOperand());
        }
        else if (t.IsKeyword("BETWEEN"))
        {
            Next();
            var low = ParseOperand();
            if (!Peek.IsKeyword("AND")) throw Unexpected("AND between the two bounds of BETWEEN");
            Next();
            result = new CqlBetween(value, low, ParseOperand());
        }
        else if (t.IsKeyword("IN"))
        {
            Next();
            Expect(CqlTokenKind.LeftParen, "'(' to start the IN list");
            var list = new List<CqlOperand> { ParseOperand() };
            while (Peek.Kind == CqlTokenKind.Comma)
            {
                // Counted as the list is read: a 12,000-value list stops at value 1,001.
                if (list.Count >= CqlLimits.MaxInValues) throw CqlLimits.TooManyInValues();
                Next();
                list.Add(ParseOperand());
            }
            Expect(CqlTokenKind.RightParen, "',' or ')' in the IN list");
            result = new CqlIn(value, list);
        }
        else if (t.IsKeyword("IS") && !negated)
        {
            Next();
            bool not = false;
            if (Peek.IsKeyword("NOT")) { Next(); not = true; }
            if (!Peek.IsKeyword("NULL")) throw Unexpected("NULL after IS");
            Next();
            CqlExpression isNull = new CqlIsNull(value);
            return not ? new CqlNot(isNull) : isNull;
        }
        else if (t.Kind == CqlTokenKind.Arithmetic)
        {
            throw new CqlException($"Arithmetic ('{t.Text}' at position {t.Start}) is not supported in filters; compare a property with a literal value instead.");
        }
        else
        {
            throw Unexpected("a comparison operator (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL after " + value);
        }
        return negated ? new CqlNot(result) : result;
    }

    private CqlOperand ParseOperand()
    {
        var t = Next();
        switch (t.Kind)
        {
            case CqlTokenKind.String:
                return new CqlLiteral(t.Text);
            case CqlTokenKind.Number:
                if (!double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                    throw new CqlException($"'{t.Text}' at position {t.Start} is not a number.");
                return new CqlLiteral(number);
            case CqlTokenKind.QuotedIdentifier:
                return new CqlProperty(t.Text);
            case CqlTokenKind.Identifier:
                if (t.IsKeyword("TRUE") || t.IsKeyword("FALSE")) return new CqlLiteral(t.IsKeyword("TRUE"));
                if (PeekAt(0).Kind == CqlTokenKind.LeftParen || GeometryKeywords.Contains(t.Text))
                    return ParseFunctionOperand(t);
                if (Reserved.Contains(t.Text))
                    throw new CqlException($"'{t.Text}' at position {t.Start} is a keyword where a property or a value was expected.");
                return new CqlProperty(t.Text);
            case CqlTokenKind.End:
                throw new CqlException("The filter ends where a property or a value was expected.");
            default:
                throw new CqlException($"'{t.Text}' at position {t.Start} is not a property or a value.");
        }
    }

    private CqlOperand ParseFunctionOperand(CqlToken name)
    {
        if (GeometryKeywords.Contains(name.Text)) return new CqlGeometry(ReadWkt(name));
        var upper = name.Text.ToUpperInvariant();
        if (upper == "BBOX")
        {
            Next();
            var values = new List<double>();
            while (true)
            {
                var n = Next();
                if (n.Kind != CqlTokenKind.Number || !double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    throw new CqlException($"BBOX at position {name.Start} takes 4 (or 6) numbers: BBOX(minx, miny, maxx, maxy).");
                values.Add(v);
                var sep = Next();
                if (sep.Kind == CqlTokenKind.RightParen) break;
                if (sep.Kind != CqlTokenKind.Comma)
                    throw new CqlException($"BBOX at position {name.Start} takes 4 (or 6) numbers separated by commas.");
            }
            return new CqlGeometry(BoxGeometry.Create(values, $"BBOX at position {name.Start}"));
        }
        string what = upper switch
        {
            "DATE" or "TIMESTAMP" or "INTERVAL" => $"Temporal literals ({upper}) are not supported: the published properties hold years as integers; compare them as numbers (e.g. indicator_year >= 2023).",
            "CASEI" or "ACCENTI" => $"{upper}() (case- and accent-insensitive comparison) is not supported; use LIKE with the exact case, or the /search endpoint for names.",
            _ when upper.StartsWith("T_", StringComparison.Ordinal) => $"The temporal operator {upper} is not supported.",
            _ when upper.StartsWith("A_", StringComparison.Ordinal) => $"The array operator {upper} is not supported.",
            _ => $"The function {name.Text}() is not supported. Supported: S_INTERSECTS, S_DISJOINT, S_EQUALS, S_TOUCHES, S_WITHIN, S_OVERLAPS, S_CROSSES, S_CONTAINS, and the literals BBOX(...) and WKT geometries.",
        };
        throw new CqlException(what);
    }

    private Geometry ReadWkt(CqlToken first)
    {
        // The WKT runs from the keyword to the parenthesis that closes its first one; NTS reads that span.
        int depth = 0;
        int end = first.End;
        while (true)
        {
            var t = Next();
            if (t.Kind == CqlTokenKind.End)
                throw new CqlException($"The {first.Text.ToUpperInvariant()} literal at position {first.Start} is not closed.");
            if (t.Kind == CqlTokenKind.LeftParen) depth++;
            else if (t.Kind == CqlTokenKind.RightParen)
            {
                depth--;
                if (depth == 0) { end = t.End; break; }
            }
            else if (depth == 0 && t.IsKeyword("EMPTY")) { end = t.End; break; }
            if (depth < 0) throw new CqlException($"Unbalanced parentheses in the geometry at position {first.Start}.");
        }
        var wkt = _text[first.Start..end];
        try
        {
            var geometry = new WKTReader().Read(wkt);
            CqlLimits.CheckGeometry(geometry, $"at position {first.Start}");
            if (!geometry.IsValid && geometry is Polygon or MultiPolygon)
                geometry = NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(geometry);
            return geometry;
        }
        catch (Exception ex) when (ex is ParseException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new CqlException($"The geometry at position {first.Start} is not valid WKT ({ex.Message}); e.g. POLYGON((114.5 -3.2, 114.7 -3.2, 114.7 -3.0, 114.5 -3.0, 114.5 -3.2)).");
        }
    }

    private void Expect(CqlTokenKind kind, string what)
    {
        if (Peek.Kind != kind) throw Unexpected(what);
        Next();
    }

    private CqlException Unexpected(string expected)
    {
        var t = Peek;
        if (t.Kind == CqlTokenKind.Arithmetic)
            return new CqlException($"Arithmetic ('{t.Text}' at position {t.Start}) is not supported in filters.");
        return t.Kind == CqlTokenKind.End
            ? new CqlException($"The filter ends where {expected} was expected.")
            : new CqlException($"Expected {expected} at position {t.Start}, found '{t.Text}'.");
    }
}
