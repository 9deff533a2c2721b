using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DesaGis.Data.Import.Targets;

/// <summary>
/// Where a target field's value comes from: a source column, a template over source columns and constants
/// (<c>{kind}-{kode_desa}</c>), or one constant for every row.
/// </summary>
public sealed partial record FieldSource(string? Column, string? Template, string? Constant)
{
    public static FieldSource FromColumn(string column) => new(column, null, null);
    public static FieldSource FromTemplate(string template) => new(null, template, null);
    public static FieldSource FromConstant(string value) => new(null, null, value);

    public bool IsTemplate(out IReadOnlyList<string> names)
    {
        names = Template is null ? [] : Placeholder().Matches(Template).Select(m => m.Groups[1].Value).ToList();
        return Template is not null;
    }

    /// <summary>The raw value of this field in one record.</summary>
    public object? ValueIn(IReadOnlyDictionary<string, object?> attributes, IReadOnlyDictionary<string, string> constants)
    {
        if (Constant is not null) return Constant;
        if (Column is not null) return attributes.GetValueOrDefault(Column);
        var missing = false;
        var text = Placeholder().Replace(Template!, m =>
        {
            var name = m.Groups[1].Value;
            var value = attributes.TryGetValue(name, out var v) ? v : constants.GetValueOrDefault(name);
            var s = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(s)) missing = true;
            return s ?? "";
        });
        // A template with an empty placeholder would build a misleading value (e.g. "SP-"): treat it as missing.
        return missing ? null : text;
    }

    public override string ToString() => Constant is not null ? $"'{Constant}'" : Column ?? Template!;

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();
}
