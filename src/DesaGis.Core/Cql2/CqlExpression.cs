namespace DesaGis.Core.Cql2;

/// <summary>
/// A node of a parsed CQL2 filter that evaluates to true or false. The tree is the same whether the filter came
/// as CQL2 text or CQL2 JSON; <see cref="object.ToString"/> gives its canonical CQL2 text.
/// </summary>
public abstract record CqlExpression;
