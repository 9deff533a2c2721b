namespace DesaGis.Planning.Villages;

/// <summary>The IDM statuses and their order, from least to most developed.</summary>
public static class IdmStatuses
{
    /// <summary>All statuses, least developed first; the ordinal value of a status is its index + 1.</summary>
    public static readonly IReadOnlyList<string> Ordered = ["SANGAT_TERTINGGAL", "TERTINGGAL", "BERKEMBANG", "MAJU", "MANDIRI"];

    /// <summary>1 (SANGAT_TERTINGGAL) … 5 (MANDIRI), or null for an unknown or missing status.</summary>
    public static double? Ordinal(string? status)
    {
        if (status is null) return null;
        int i = -1;
        for (int j = 0; j < Ordered.Count; j++)
            if (string.Equals(Ordered[j], status, StringComparison.OrdinalIgnoreCase)) { i = j; break; }
        return i < 0 ? null : i + 1;
    }

    public static bool IsKnown(string? status) => Ordinal(status) is not null;
}
