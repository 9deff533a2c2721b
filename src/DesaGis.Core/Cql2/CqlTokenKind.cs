namespace DesaGis.Core.Cql2;

/// <summary>The kinds of token in CQL2 text.</summary>
public enum CqlTokenKind
{
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    LeftParen,
    RightParen,
    Comma,
    Operator,
    Arithmetic,
    End,
}
