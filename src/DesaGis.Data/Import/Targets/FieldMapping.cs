namespace DesaGis.Data.Import.Targets;

/// <summary>
/// The resolved mapping of one import: for each target field, where its value comes from. Explicit
/// <c>--map</c>/<c>--set</c> entries win, then <c>--year</c>/<c>--source</c>, then the preset, then the column names
/// the target knows (aliases).
/// </summary>
public sealed class FieldMapping
{
    private readonly Dictionary<string, FieldSource> _sources;

    private FieldMapping(Dictionary<string, FieldSource> sources, IReadOnlyDictionary<string, string> constants)
    {
        _sources = sources;
        Constants = constants;
    }

    /// <summary>Every constant (for template placeholders that name a field rather than a column).</summary>
    public IReadOnlyDictionary<string, string> Constants { get; }

    public FieldSource? For(TargetField field) => _sources.GetValueOrDefault(field.Name);

    public bool Provides(string fieldName) => _sources.ContainsKey(fieldName);

    public IReadOnlyDictionary<string, string> Describe() => _sources.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

    public static FieldMapping Resolve(TargetDefinition target, IReadOnlyList<string> columns, ImportRequest request, ImportPreset? preset, string defaultSource)
    {
        string? Column(string name) => columns.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
        foreach (var name in request.FieldMap.Keys.Concat(request.Constants.Keys))
            if (target.Find(name) is null)
                throw new ImportException($"'{name}' is not a field of {target.Name}; its fields are {string.Join(", ", target.Fields.Select(f => f.Name))}.");

        var constants = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (preset is not null) foreach (var (k, v) in preset.Constants) constants[k] = v;
        foreach (var (k, v) in request.Constants) constants[k] = v;

        var sources = new Dictionary<string, FieldSource>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in target.Fields)
        {
            FieldSource? source = null;
            if (request.FieldMap.TryGetValue(field.Name, out var mapped))
                source = FromMap(mapped, explicitly: true);
            else if (request.Constants.TryGetValue(field.Name, out var constant))
                source = FieldSource.FromConstant(constant);
            else if (field.Name == "year" && request.Year is int year)
                source = FieldSource.FromConstant(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else if (field.Name == "source" && request.Source is { Length: > 0 } src)
                source = FieldSource.FromConstant(src);
            else if (preset is not null && preset.FieldMap.TryGetValue(field.Name, out var presetMapped))
                source = FromMap(presetMapped, explicitly: false);
            else if (preset is not null && preset.Constants.TryGetValue(field.Name, out var presetConstant))
                source = FieldSource.FromConstant(presetConstant);
            else if (field.Name == "year" && preset?.Year is int presetYear)
                source = FieldSource.FromConstant(presetYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else if (field.Aliases.Select(Column).FirstOrDefault(c => c is not null) is { } alias)
                source = FieldSource.FromColumn(alias);
            else if (field.Name == "source")
                source = FieldSource.FromConstant(preset?.Source ?? defaultSource);
            if (source is not null) sources[field.Name] = source;
        }

        var missing = target.Fields.Where(f => f.Required && !sources.ContainsKey(f.Name)
            && !(f.Name == "level" && target.Target == ImportTarget.CodeCrosswalk)).ToList();
        if (missing.Count > 0)
        {
            var hint = missing.Any(f => f.Name == "year") && preset?.NeedsYear == true
                ? $" The preset {preset.Name} is for a table that states no year: give --year."
                : "";
            throw new ImportException(
                $"No source for {string.Join(", ", missing.Select(f => f.Name))} in {target.Name}. The file has the columns " +
                $"{string.Join(", ", columns)}; map them with --map {missing[0].Name}=<column> (or --set {missing[0].Name}=<value>).{hint}");
        }
        return new FieldMapping(sources, constants);

        FieldSource FromMap(string value, bool explicitly)
        {
            if (value.Contains('{'))
            {
                var template = FieldSource.FromTemplate(value);
                template.IsTemplate(out var names);
                var unknown = names.Where(n => Column(n) is null && !constants.ContainsKey(n)).ToList();
                if (unknown.Count > 0)
                    throw new ImportException($"The template '{value}' names {string.Join(", ", unknown)}, which is neither a column of the file nor a --set value.");
                return template;
            }
            if (Column(value) is { } column) return FieldSource.FromColumn(column);
            throw new ImportException(explicitly
                ? $"--map names the column '{value}', which the file does not have; its columns are {string.Join(", ", columns)}."
                : $"The preset {preset!.Name} expects a column '{value}', which the file does not have (columns: {string.Join(", ", columns)}). Is this the right preset?");
        }
    }
}
