using System.Globalization;

namespace DesaGis.Core.Cql2;

/// <summary>A scalar literal: a <see cref="string"/>, a <see cref="double"/> or a <see cref="bool"/>.</summary>
public sealed record CqlLiteral(object Value) : CqlOperand
{
    public override string ToString() => Value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "TRUE" : "FALSE",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? "",
    };
}
