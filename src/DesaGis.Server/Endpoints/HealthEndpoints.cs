using DesaGis.Data.Failures;
using DesaGis.Data.Health;
using DesaGis.Data.Migrations;
using DesaGis.Server.Hosting;
using DesaGis.Server.Http;
using DesaGis.Server.Tiles;
using Microsoft.Extensions.Options;

namespace DesaGis.Server.Endpoints;

/// <summary>Liveness and readiness: is the process up, and does PostGIS answer with the current schema.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", Live).WithTags("Health").WithName("Liveness");
        app.MapGet("/health", ReadyAsync).WithTags("Health").WithName("Readiness");
        app.MapGet("/health/ready", ReadyAsync).WithTags("Health").ExcludeFromDescription();
        return app;
    }

    /// <summary>200 as long as the process serves requests.</summary>
    public static IResult Live() => TypedResults.Ok(new { status = "alive" });

    /// <summary>200 when PostGIS answers and the schema is current; 503 with the reason otherwise.</summary>
    public static async Task<IResult> ReadyAsync(
        DatabaseHealthProbe probe, DatabaseState state, TileChangeMonitor tiles, IOptions<TileOptions> tileOptions,
        HttpContext http, ILoggerFactory loggers, CancellationToken ct)
    {
        var health = await probe.CheckAsync(TimeSpan.FromSeconds(3), ct);
        string database = health.Up ? "up" : "down";
        int? version = health.SchemaVersion;
        string? postgis = health.PostgisVersion;
        string? reason = null;
        if (health.Error is { } ex)
        {
            // The exception's own text can name hosts and ports; it goes to the log, the caller gets its kind.
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning("Readiness check failed: {Reason}", ex.Message);
            // Classified as every request's database failure is, so /health and the 503s agree on what is wrong.
            reason = ErrorHandling.Classify(ex).Type switch
            {
                ProblemTypes.DatabaseTimeout => "the database did not answer within 3 s",
                ProblemTypes.DatabaseUnavailable => "the database cannot be reached",
                _ when DatabaseFailures.Classify(ex)?.SqlState is { } sqlState => $"the database refused the check (SQLSTATE {sqlState})",
                _ => "the database cannot be reached",
            };
        }
        bool schemaCurrent = version == MigrationRunner.LatestVersion && state.SchemaReady;
        bool ready = database == "up" && schemaCurrent;
        if (!ready && reason is null)
            reason = state.LastError ?? "the schema is being migrated";
        var body = new
        {
            status = ready ? "healthy" : "unhealthy",
            database,
            postgis,
            schemaVersion = version,
            expectedSchemaVersion = MigrationRunner.LatestVersion,
            schemaCurrent,
            // Lease: cached tiles are served from memory; without a lease they are checked per request.
            tiles = new { consistency = tileOptions.Value.Consistency.ToString(), leaseHeld = tiles.HoldsLease },
            reason,
        };
        if (!ready) http.Response.Headers.RetryAfter = "5";
        return ready ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
