namespace DesaGis.Data.Sql;

/// <summary>
/// The one place where identifiers are quoted for SQL. Identifiers only ever come from our own catalog;
/// request text never reaches here (it is looked up in the catalog first).
/// </summary>
public static class SqlIdentifier
{
    /// <summary>Quotes one identifier the way PostgreSQL does: in double quotes, with embedded quotes doubled.</summary>
    public static string Quote(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (identifier.Contains('\0'))
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(identifier));
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quotes a schema-qualified name.</summary>
    public static string Quote(string schema, string name) => Quote(schema) + "." + Quote(name);
}
