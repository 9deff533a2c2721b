using System.ComponentModel.DataAnnotations;

namespace DesaGis.Server.Configuration;

/// <summary>Server settings, bound from the <c>DesaGis</c> configuration section (and DESAGIS_* environment variables).</summary>
public sealed class DesaGisOptions
{
    public const string Section = "DesaGis";

    /// <summary>The PostGIS connection string. DESAGIS_DATABASE overrides it.</summary>
    [Required(ErrorMessage = "Set DESAGIS_DATABASE (or DesaGis:ConnectionString) to a PostgreSQL connection string.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>The public base URL (e.g. https://maps.example.go.id/desagis) when behind a proxy; else URLs come from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Longest time one SQL statement may run, in seconds.</summary>
    [Range(1, 3600)]
    public int StatementTimeoutSeconds { get; set; } = 30;

    /// <summary>Largest number of pooled connections to PostGIS.</summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 50;

    /// <summary>Apply migrations at start-up (on by default).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
