using System.Globalization;
using DesaGis.Core.Cql2;
using DesaGis.Core.Layers;

namespace DesaGis.Core.Features;

/// <summary>
/// Turns the query string of an items request into a <see cref="FeatureQuery"/>: the edge where request text
/// becomes valid values. Unknown parameters and property names are refused, never passed on.
/// </summary>
public static class FeatureQueryParser
{
    /// <summary>Parameter names of OGC API Features Parts 1–3 that this server understands.</summary>
    public static readonly IReadOnlySet<string> KnownParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "properties", "sortby", "filter", "filter-lang", "filter-crs", "lang",
    };

    /// <summary>Parses the query; <paramref name="parameters"/> maps each parameter name to its (first) value.</summary>
    public static FeatureQuery Parse(LayerDefinition layer, IReadOnlyDictionary<string, string> parameters)
    {
        var filters = new List<CqlExpression>();
        foreach (var (name, value) in parameters)
        {
            if (KnownParameters.Contains(name)) continue;
            var property = layer.FindProperty(name);
            if (property is null || !property.Queryable)
                throw new FeatureQueryException(name,
                    $"Unknown parameter '{Shorten(name)}'. Use one of {string.Join(", ", KnownParameters)}, or a queryable property " +
                    $"of '{layer.Id}' for an equality filter: {string.Join(", ", layer.Properties.Where(p => p.Queryable).Select(p => p.Name))}.")
                {
                    IndonesianMessage =
                        $"Parameter '{Shorten(name)}' tidak dikenal. Gunakan salah satu dari {string.Join(", ", KnownParameters)}, atau properti " +
                        $"'{layer.Id}' yang dapat dikueri untuk filter kesamaan: {string.Join(", ", layer.Properties.Where(p => p.Queryable).Select(p => p.Name))}.",
                };
            filters.Add(new CqlComparison(CqlComparisonOperator.Equal, new CqlProperty(property.Name), EqualityLiteral(property, value)));
        }

        var bboxCrs = Crs(parameters, "bbox-crs");
        var filterCrs = Crs(parameters, "filter-crs");
        if (Get(parameters, "filter") is { } filterText)
        {
            var lang = Get(parameters, "filter-lang") ?? "cql2-text";
            CqlExpression filter;
            try
            {
                filter = lang switch
                {
                    "cql2-text" => Cql2TextParser.Parse(filterText),
                    "cql2-json" => Cql2JsonParser.Parse(filterText),
                    _ => throw new FeatureQueryException("filter-lang",
                        $"filter-lang '{Shorten(lang)}' is not supported; use cql2-text (the default) or cql2-json.", FeatureQueryErrorKind.Filter),
                };
                CqlValidator.Validate(filter, layer);
            }
            catch (CqlException ex)
            {
                // The parser's message names the position and the fix; it is written in English only.
                throw new FeatureQueryException("filter", "The filter is not valid: " + ex.Message, FeatureQueryErrorKind.Filter)
                {
                    IndonesianMessage = "Filter tidak valid (rincian dalam bahasa Inggris): " + ex.Message,
                };
            }
            CheckDomain(filter, filterCrs);
            filters.Add(filter);
        }
        else if (Get(parameters, "filter-lang") is { } lang && lang is not ("cql2-text" or "cql2-json"))
        {
            throw new FeatureQueryException("filter-lang", $"filter-lang '{Shorten(lang)}' is not supported; use cql2-text or cql2-json.", FeatureQueryErrorKind.Filter);
        }

        return new FeatureQuery
        {
            Layer = layer,
            Limit = Limit(Get(parameters, "limit")),
            Offset = Offset(Get(parameters, "offset")),
            Bbox = Bbox(Get(parameters, "bbox"), bboxCrs),
            BboxCrs = bboxCrs,
            Crs = Crs(parameters, "crs"),
            Properties = Properties(layer, parameters.ContainsKey("properties") ? parameters["properties"] : null),
            SortBy = SortBy(layer, Get(parameters, "sortby")),
            Filter = filters.Count switch { 0 => null, 1 => filters[0], _ => new CqlAnd(filters) },
            FilterCrs = filterCrs,
            Years = Years(layer, Get(parameters, "datetime")),
        };
    }

    /// <summary>Parses <c>limit</c>: default 100, larger than 10,000 is clamped, zero or less is an error.</summary>
    public static int Limit(string? text)
    {
        if (text is null) return FeatureLimits.Default;
        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            // An absurdly large number is still a request for "as many as you serve".
            if (text.Trim().All(char.IsAsciiDigit) && text.Trim().Length > 0) return FeatureLimits.Maximum;
            throw new FeatureQueryException("limit", $"limit '{Shorten(text)}' is not an integer; give a number from 1 to {FeatureLimits.Maximum} (larger values are reduced to {FeatureLimits.Maximum}).")
            {
                IndonesianMessage = $"limit '{Shorten(text)}' bukan bilangan bulat; berikan angka 1 sampai {FeatureLimits.Maximum} (nilai lebih besar dikurangi menjadi {FeatureLimits.Maximum}).",
            };
        }
        if (n < 1) throw new FeatureQueryException("limit", $"limit must be at least 1 (got {n}); the default is {FeatureLimits.Default}, the maximum {FeatureLimits.Maximum}.")
        {
            IndonesianMessage = $"limit paling sedikit 1 (diberikan {n}); bawaannya {FeatureLimits.Default}, paling banyak {FeatureLimits.Maximum}.",
        };
        return (int)Math.Min(n, FeatureLimits.Maximum);
    }

    public static long Offset(string? text)
    {
        if (text is null) return 0;
        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0)
            throw new FeatureQueryException("offset", $"offset '{Shorten(text)}' is not a whole number of 0 or more; it counts the features to skip.")
            {
                IndonesianMessage = $"offset '{Shorten(text)}' bukan bilangan bulat 0 atau lebih; offset menghitung objek yang dilewati.",
            };
        return n;
    }

    private static string? Get(IReadOnlyDictionary<string, string> p, string name) => p.TryGetValue(name, out var v) ? v : null;

    private static CrsDefinition Crs(IReadOnlyDictionary<string, string> p, string name)
    {
        var text = Get(p, name);
        if (text is null) return CrsRegistry.Crs84;
        return CrsRegistry.Resolve(text) ?? throw new FeatureQueryException(name,
            $"{name} '{Shorten(text)}' is not supported. Supported: {CrsRegistry.Describe()}.", FeatureQueryErrorKind.Crs)
        {
            IndonesianMessage = $"{name} '{Shorten(text)}' tidak didukung. Yang didukung: {CrsRegistry.Describe()}.",
        };
    }

    private static BoundingBox? Bbox(string? text, CrsDefinition crs)
    {
        if (text is null) return null;
        // Only longitude/latitude boxes may cross the antimeridian; in projected CRSs min > max is an error.
        if (!BoundingBox.TryParse(text, out var box, out var error, allowAntimeridian: crs.Geographic))
            throw new FeatureQueryException("bbox", error + " Example: bbox=114.4,-3.4,114.9,-2.9 (CRS84: minLon,minLat,maxLon,maxLat).")
            {
                IndonesianMessage = $"bbox '{Shorten(text)}' tidak valid: berikan empat angka minBujur,minLintang,maksBujur,maksLintang, mis. bbox=114.4,-3.4,114.9,-2.9 (CRS84).",
            };
        if (crs.LatitudeFirst)
        {
            // minLat,minLon,maxLat,maxLon: checked as such, then carried in lon/lat order.
            if (box.MinX > box.MaxX)
                throw new FeatureQueryException("bbox", $"The bbox is inverted: in {crs.Uri} the order is minLat,minLon,maxLat,maxLon, so the first value must not exceed the third.");
            box = new BoundingBox(box.MinY, box.MinX, box.MaxY, box.MaxX);
        }
        if (crs.Geographic && (Math.Abs(box.MinY) > 90 || Math.Abs(box.MaxY) > 90 || Math.Abs(box.MinX) > 180 || Math.Abs(box.MaxX) > 180))
            throw new FeatureQueryException("bbox",
                $"The bbox {Shorten(text)} lies outside the world (longitude −180…180, latitude −90…90). " +
                (crs.LatitudeFirst ? $"In {crs.Uri} the order is minLat,minLon,maxLat,maxLon." : "In CRS84 the order is minLon,minLat,maxLon,maxLat."))
            {
                IndonesianMessage = $"bbox {Shorten(text)} berada di luar dunia (bujur −180…180, lintang −90…90). " +
                    (crs.LatitudeFirst ? $"Dalam {crs.Uri} urutannya minLintang,minBujur,maksLintang,maksBujur." : "Dalam CRS84 urutannya minBujur,minLintang,maksBujur,maksLintang."),
            };
        if (!crs.Geographic && !crs.Accepts(box))
            throw OutsideDomain("bbox", crs, "bbox-crs");
        return box;
    }

    /// <summary>
    /// Refuses filter geometries outside the filter CRS's area before the database is asked to project them (PROJ
    /// refuses points far outside a UTM zone).
    /// </summary>
    public static void CheckDomain(CqlExpression filter, CrsDefinition crs)
    {
        if (crs.Geographic) return;
        foreach (var geometry in Geometries(filter))
        {
            var e = geometry.EnvelopeInternal;
            if (!e.IsNull && !crs.Accepts(new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY)))
                throw OutsideDomain("filter", crs, "filter-crs");
        }
    }

    private static IEnumerable<NetTopologySuite.Geometries.Geometry> Geometries(CqlExpression e) => e switch
    {
        CqlAnd and => and.Operands.SelectMany(Geometries),
        CqlOr or => or.Operands.SelectMany(Geometries),
        CqlNot not => Geometries(not.Operand),
        CqlSpatial s => new[] { s.Left, s.Right }.OfType<CqlGeometry>().Select(g => g.Geometry),
        _ => [],
    };

    private static FeatureQueryException OutsideDomain(string parameter, CrsDefinition crs, string crsParameter) =>
        new(parameter,
            $"The {parameter} lies outside the area of {crsParameter} {crs.Uri} ({crs.Title}), which accepts {crs.DescribeDomain()}. " +
            $"Give coordinates within that area, or use another CRS (e.g. {crsParameter}={CrsRegistry.Crs84Uri} with longitude/latitude).",
            FeatureQueryErrorKind.Crs)
        {
            IndonesianMessage =
                $"{parameter} berada di luar wilayah {crsParameter} {crs.Uri} ({crs.Title}), yang menerima {crs.DescribeDomainIndonesian()}. " +
                $"Berikan koordinat di dalam wilayah itu, atau gunakan CRS lain (mis. {crsParameter}={CrsRegistry.Crs84Uri} dengan bujur/lintang).",
        };

    private static IReadOnlyList<LayerProperty>? Properties(LayerDefinition layer, string? text)
    {
        if (text is null) return null;
        var list = new List<LayerProperty>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var p = layer.FindProperty(raw) ?? throw new FeatureQueryException("properties",
                $"'{Shorten(raw)}' is not a property of '{layer.Id}'. Properties: {string.Join(", ", layer.Properties.Select(x => x.Name))}.")
            {
                IndonesianMessage = $"'{Shorten(raw)}' bukan properti '{layer.Id}'. Propertinya: {string.Join(", ", layer.Properties.Select(x => x.Name))}.",
            };
            if (!list.Contains(p)) list.Add(p);
        }
        return list;
    }

    private static IReadOnlyList<SortKey> SortBy(LayerDefinition layer, string? text)
    {
        if (text is null) return [];
        var keys = new List<SortKey>();
        foreach (var raw in text.Split(','))
        {
            // '+' arrives as a space when the client did not percent-encode it.
            var term = raw.TrimEnd();
            bool descending = false;
            if (term.StartsWith('-')) { descending = true; term = term[1..]; }
            else if (term.StartsWith('+') || term.StartsWith(' ')) term = term[1..];
            term = term.Trim();
            if (term.Length == 0)
                throw new FeatureQueryException("sortby", "sortby has an empty term; write e.g. sortby=+nama,-poverty_rate.");
            var p = layer.FindProperty(term);
            if (p is null || !p.Queryable)
                throw new FeatureQueryException("sortby",
                    $"Cannot sort by '{Shorten(term)}': it is not a queryable property of '{layer.Id}'. Sortable: {string.Join(", ", layer.Properties.Where(x => x.Queryable).Select(x => x.Name))}.")
                {
                    IndonesianMessage = $"Tidak dapat mengurutkan menurut '{Shorten(term)}': bukan properti '{layer.Id}' yang dapat dikueri. Yang dapat diurutkan: {string.Join(", ", layer.Properties.Where(x => x.Queryable).Select(x => x.Name))}.",
                };
            if (keys.Any(k => k.Property == p))
                throw new FeatureQueryException("sortby", $"sortby names '{term}' twice.");
            keys.Add(new SortKey(p, descending));
        }
        return keys;
    }

    private static CqlLiteral EqualityLiteral(LayerProperty property, string value)
    {
        switch (property.Type)
        {
            case PropertyType.Integer:
            case PropertyType.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    throw new FeatureQueryException(property.Name, $"{property.Name} is a number; '{Shorten(value)}' is not one.");
                return new CqlLiteral(d);
            case PropertyType.Boolean:
                return value.ToLowerInvariant() switch
                {
                    "true" => new CqlLiteral(true),
                    "false" => new CqlLiteral(false),
                    _ => throw new FeatureQueryException(property.Name, $"{property.Name} is true or false; '{Shorten(value)}' is neither."),
                };
            default:
                return new CqlLiteral(value);
        }
    }

    /// <summary>
    /// Parses <c>datetime</c> (an instant or an interval with '..' for open ends) into the years it spans: the
    /// temporal properties of the layers are years.
    /// </summary>
    private static (int? From, int? To)? Years(LayerDefinition layer, string? text)
    {
        if (text is null) return null;
        var parts = text.Split('/');
        if (parts.Length > 2) throw new FeatureQueryException("datetime", $"datetime '{Shorten(text)}' is neither an instant nor an interval (start/end).");
        int? from = Year(parts[0], text);
        int? to = parts.Length == 2 ? Year(parts[1], text) : from;
        if (parts.Length == 1 && from is null)
            throw new FeatureQueryException("datetime", "datetime '..' needs at least one bound, e.g. 2023-01-01T00:00:00Z or 2020-01-01T00:00:00Z/..");
        if (from > to) throw new FeatureQueryException("datetime", $"The datetime interval '{Shorten(text)}' ends before it starts.");
        // Layers without a temporal property are not restricted by datetime (OGC API Features Part 1, 7.15.4).
        return layer.TemporalColumn is null ? null : (from, to);
    }

    private static int? Year(string part, string whole)
    {
        part = part.Trim();
        if (part is "" or "..") return null;
        if (part.Length >= 4 && int.TryParse(part.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) &&
            (part.Length == 4 || DateTimeOffset.TryParse(part, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) ||
             DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            return year;
        throw new FeatureQueryException("datetime",
            $"'{Shorten(part)}' in datetime '{Shorten(whole)}' is not an RFC 3339 date-time; e.g. 2023-01-01T00:00:00Z, 2021-01-01T00:00:00Z/2023-12-31T23:59:59Z or 2022-01-01T00:00:00Z/..");
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 60 ? s : s[..60] + "…";
}
