using DesaGis.Data.Migrations;
using DesaGis.Server.Hosting;
using Npgsql;

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
    public static async Task<IResult> ReadyAsync(NpgsqlDataSource dataSource, DatabaseState state, HttpContext http, CancellationToken ct)
    {
        string database;
        int? version = null;
        string? postgis = null;
        string? reason = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var cmd = dataSource.CreateCommand("SELECT postgis_lib_version()");
            postgis = (string?)await cmd.ExecuteScalarAsync(timeout.Token);
            version = await MigrationRunner.CurrentVersionAsync(dataSource, timeout.Token);
            database = "up";
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            database = "down";
            reason = ex is OperationCanceledException ? "the database did not answer within 3 s" : ex.Message;
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
            reason,
        };
        if (!ready) http.Response.Headers.RetryAfter = "5";
        return ready ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
