using DesaGis.Core.Codes;
using DesaGis.Planning.Requests;

namespace DesaGis.Planning;

/// <summary>The <c>pins</c> section of a plan.</summary>
public static partial class PlanValidator
{
    /// <summary>Villages pinned in or out of the selection (no more pinned in than <paramref name="k"/>).</summary>
    private static (List<string> Include, HashSet<string> Exclude) ValidatePins(PinsRequest? requested, int k, List<PlanError> errors)
    {
        var include = new List<string>();
        var exclude = new HashSet<string>(StringComparer.Ordinal);
        if (requested is { } pins)
        {
            var inc = new HashSet<string>(StringComparer.Ordinal);
            ParseCodes(pins.Include, AdminLevel.Desa, "pins.include", inc, errors);
            ParseCodes(pins.Exclude, AdminLevel.Desa, "pins.exclude", exclude, errors);
            include.AddRange(inc.Order(StringComparer.Ordinal));
            foreach (var both in inc.Intersect(exclude).Order(StringComparer.Ordinal))
                errors.Add(new("pins", $"Village {both} is both included and excluded; keep it in one list."));
            if (include.Count > k) errors.Add(new("pins.include", $"{include.Count} villages are pinned but k is {k}: raise k or unpin some."));
        }
        return (include, exclude);
    }
}
