using System.Globalization;

namespace DesaGis.Server.Registry;

/// <summary>
/// A programme version as an entity tag: <c>"r3"</c> for version 3. A strong tag, since a version never changes
/// once written; <c>If-Match</c> with an older one gets 412.
/// </summary>
public static class RevisionETag
{
    public static string Format(int revision) => "\"r" + revision.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version an If-Match header names: null when absent or <c>*</c> (the programme must merely exist); -1 when
    /// it names none of ours (so it can match no version).
    /// </summary>
    public static int? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var first = header.Split(',')[0].Trim();
        if (first == "*") return null;
        if (first.StartsWith("W/", StringComparison.Ordinal)) first = first[2..];
        first = first.Trim('"');
        return first.StartsWith('r') && int.TryParse(first.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }
}
