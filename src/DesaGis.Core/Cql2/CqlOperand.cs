namespace DesaGis.Core.Cql2;

/// <summary>A value inside a predicate: a property, a literal or a geometry.</summary>
public abstract record CqlOperand;
