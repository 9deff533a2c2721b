namespace DesaGis.Core.Cql2;

/// <summary>One token of CQL2 text with its position (0-based start, exclusive end) in the source.</summary>
public readonly record struct CqlToken(CqlTokenKind Kind, string Text, int Start, int End)
{
    public bool IsKeyword(string keyword) =>
        Kind == CqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
