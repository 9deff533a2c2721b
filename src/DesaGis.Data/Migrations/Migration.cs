namespace DesaGis.Data.Migrations;

/// <summary>One versioned SQL migration, embedded in this assembly as <c>Migrations/NNNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
