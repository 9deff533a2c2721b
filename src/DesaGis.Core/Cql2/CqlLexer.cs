using System.Text;

namespace DesaGis.Core.Cql2;

/// <summary>Splits CQL2 text into tokens.</summary>
public static class CqlLexer
{
    /// <summary>Longest filter accepted; longer text is refused before any work is done on it.</summary>
    public const int MaxLength = 64 * 1024;

    public static List<CqlToken> Tokenize(string text)
    {
        if (text.Length > MaxLength)
            throw new CqlException($"The filter is {text.Length} characters long; at most {MaxLength} are accepted.");
        var tokens = new List<CqlToken>();
        int i = 0;
        while (i < text.Length)
        {
            if (tokens.Count >= CqlLimits.MaxTokens)
                throw new CqlException($"The filter has more than {CqlLimits.MaxTokens} tokens (values, names and punctuation); simplify it or split it over several requests.");
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            switch (c)
            {
                case '(': tokens.Add(new(CqlTokenKind.LeftParen, "(", i, ++i)); continue;
                case ')': tokens.Add(new(CqlTokenKind.RightParen, ")", i, ++i)); continue;
                case ',': tokens.Add(new(CqlTokenKind.Comma, ",", i, ++i)); continue;
                case '=': tokens.Add(new(CqlTokenKind.Operator, "=", i, ++i)); continue;
                case '<':
                    if (i + 1 < text.Length && text[i + 1] is '>' or '=') { tokens.Add(new(CqlTokenKind.Operator, text.Substring(i, 2), i, i + 2)); i += 2; }
                    else tokens.Add(new(CqlTokenKind.Operator, "<", i, ++i));
                    continue;
                case '>':
                    if (i + 1 < text.Length && text[i + 1] == '=') { tokens.Add(new(CqlTokenKind.Operator, ">=", i, i + 2)); i += 2; }
                    else tokens.Add(new(CqlTokenKind.Operator, ">", i, ++i));
                    continue;
                case '!':
                    if (i + 1 < text.Length && text[i + 1] == '=')
                        throw new CqlException($"'!=' at position {i} is not CQL2; write '<>' for 'not equal'.");
                    break;
                case '\'':
                    tokens.Add(ReadQuoted(text, ref i, '\'', CqlTokenKind.String));
                    continue;
                case '"':
                    tokens.Add(ReadQuoted(text, ref i, '"', CqlTokenKind.QuotedIdentifier));
                    continue;
            }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) ||
                (c is '-' or '+' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.') && SignMayStartNumber(tokens)))
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                if (i < text.Length && text[i] is 'e' or 'E')
                {
                    int save = i++;
                    if (i < text.Length && text[i] is '+' or '-') i++;
                    if (i < text.Length && char.IsAsciiDigit(text[i])) { while (i < text.Length && char.IsAsciiDigit(text[i])) i++; }
                    else i = save;
                }
                tokens.Add(new(CqlTokenKind.Number, text[start..i], start, i));
                continue;
            }
            if (c is '+' or '-' or '*' or '/' or '%' or '^')
            {
                tokens.Add(new(CqlTokenKind.Arithmetic, c.ToString(), i, ++i));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or ':' or '.')) i++;
                tokens.Add(new(CqlTokenKind.Identifier, text[start..i], start, i));
                continue;
            }
            throw new CqlException($"Unexpected character '{c}' at position {i} of the filter.");
        }
        tokens.Add(new(CqlTokenKind.End, "", text.Length, text.Length));
        return tokens;
    }

    // A sign starts a number only where an operand may start (after an operator, a comma, '(' or at the start);
    // elsewhere it would be arithmetic, which CQL2 Basic does not include.
    private static bool SignMayStartNumber(List<CqlToken> tokens) =>
        tokens.Count == 0 || tokens[^1].Kind is CqlTokenKind.Operator or CqlTokenKind.Comma or CqlTokenKind.LeftParen ||
        (tokens[^1].Kind == CqlTokenKind.Identifier && tokens[^1].Text.ToUpperInvariant() is "AND" or "OR" or "NOT" or "BETWEEN" or "LIKE");

    private static CqlToken ReadQuoted(string text, ref int i, char quote, CqlTokenKind kind)
    {
        int start = i++;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
                throw new CqlException(kind == CqlTokenKind.String
                    ? $"The string starting at position {start} is not closed; end it with ' (write '' for a quote inside it)."
                    : $"The quoted property name starting at position {start} is not closed; end it with \".");
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote) { sb.Append(quote); i += 2; continue; }
                i++;
                break;
            }
            sb.Append(text[i++]);
        }
        return new CqlToken(kind, sb.ToString(), start, i);
    }
}
