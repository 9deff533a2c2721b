namespace DesaGis.Core.Cql2;

/// <summary>
/// What one filter may cost, checked while it is read (on the token stream and the JSON tree, before anything is
/// rebuilt or validated), so an oversized filter is refused in microseconds rather than after seconds of work.
/// </summary>
public static class CqlLimits
{
    /// <summary>Most tokens (words, numbers, strings, punctuation) in a CQL2 text filter.</summary>
    public const int MaxTokens = 20_000;

    /// <summary>Most values in one IN list.</summary>
    public const int MaxInValues = 1000;

    /// <summary>Most vertices in one filter geometry.</summary>
    public const int MaxGeometryVertices = 10_000;

    /// <summary>Most parts (polygons, lines, points) in one filter geometry.</summary>
    public const int MaxGeometryParts = 500;

    internal static CqlException TooManyInValues() =>
        new($"An IN list may hold at most {MaxInValues} values. Split the list over several requests, or filter on a broader property (e.g. kecamatan_kode instead of many village codes).");

    /// <summary>Refuses a geometry with more vertices or parts than a filter may carry.</summary>
    public static void CheckGeometry(NetTopologySuite.Geometries.Geometry geometry, string where)
    {
        if (geometry.NumPoints > MaxGeometryVertices)
            throw new CqlException($"The geometry {where} has {geometry.NumPoints} vertices; a filter geometry may have at most {MaxGeometryVertices}. Simplify it, or filter by a code (kabupaten_kode, kecamatan_kode) instead.");
        if (geometry.NumGeometries > MaxGeometryParts)
            throw new CqlException($"The geometry {where} has {geometry.NumGeometries} parts; a filter geometry may have at most {MaxGeometryParts}. Merge or simplify them, or send several requests.");
    }
}
