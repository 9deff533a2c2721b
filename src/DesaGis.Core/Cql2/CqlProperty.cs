namespace DesaGis.Core.Cql2;

/// <summary>A reference to a queryable property by its public name.</summary>
public sealed record CqlProperty(string Name) : CqlOperand
{
    public override string ToString() => "\"" + Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
