using Npgsql;

namespace DesaGis.Data.Features;

/// <summary>SQL text with its positional parameters ($1, $2, …), ready to run.</summary>
public sealed class SqlCommandText
{
    private readonly List<NpgsqlParameter> _parameters = [];

    public string Text { get; set; } = "";

    public IReadOnlyList<NpgsqlParameter> Parameters => _parameters;

    /// <summary>Adds a value and returns its placeholder.</summary>
    public string Add(object value)
    {
        _parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public NpgsqlCommand CreateCommand(NpgsqlDataSource dataSource)
    {
        var cmd = dataSource.CreateCommand(Text);
        foreach (var p in _parameters) cmd.Parameters.Add(p.Clone());
        return cmd;
    }
}
