namespace DesaGis.Data.Export;

/// <summary>
/// DBF field names: at most 10 characters, unique within a file. Names are cut to 10 characters and a clash gets a
/// numeric suffix in place of its last characters (extreme_poor → extreme_po, extreme_poor_households → extreme_p1),
/// so the result is the same every time for the same property list.
/// </summary>
public static class DbfFieldNames
{
    public const int MaxLength = 10;

    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> names)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var candidate = name.Length <= MaxLength ? name : name[..MaxLength];
            for (int n = 1; !used.Add(candidate); n++)
            {
                var suffix = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                candidate = name[..Math.Min(name.Length, MaxLength - suffix.Length)] + suffix;
            }
            result[name] = candidate;
        }
        return result;
    }
}
