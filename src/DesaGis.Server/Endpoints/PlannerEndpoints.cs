using System.Text.Json;
using DesaGis.Data.Planning;
using DesaGis.Planning;
using DesaGis.Planning.Comparison;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;
using DesaGis.Server.Http;
using DesaGis.Server.Security;
using DesaGis.Server.Planner;
using DesaGis.Server.Ogc;

namespace DesaGis.Server.Endpoints;

/// <summary>The pilot-village planner: runs, saved scenarios, comparison and export (contract in docs/planner.md).</summary>
public static class PlannerEndpoints
{
    public static IEndpointRouteBuilder MapPlannerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/planner").WithTags("Planner");
        group.MapPost("/runs", CreateRunAsync).WithName("CreatePlannerRun")
            .WithSummary("Run the pilot-village planner (ranking or replication reach) and return the explained result.")
            .Accepts<PlanRequest>(OgcMediaTypes.Json)
            .Produces<PlanResult>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Policies.Planner)
            .WithMetadata(new ExpensiveWork(CostClass.Plan));
        group.MapGet("/runs/{id}", GetRun).WithName("GetPlannerRun")
            .WithSummary("A recent run's result (the newest runs are kept in memory; save a scenario to keep one).")
            .Produces<PlanResult>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/scenarios", ListScenariosAsync).WithName("ListPlannerScenarios")
            .WithSummary("Saved scenarios, newest first.")
            .Produces<ScenarioList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/scenarios", SaveScenarioAsync).WithName("SavePlannerScenario")
            .WithSummary("Save a kept run, or run new parameters, as a named scenario.")
            .Accepts<SaveScenarioRequest>(OgcMediaTypes.Json)
            .Produces<Scenario>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Policies.Planner)
            .WithMetadata(new ExpensiveWork(CostClass.Plan));
        group.MapGet("/scenarios/compare", CompareScenariosAsync).WithName("ComparePlannerScenarios")
            .WithSummary("Two scenarios side by side: which pilots differ and why.")
            .Produces<ScenarioComparison>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/scenarios/{id:long}", GetScenarioAsync).WithName("GetPlannerScenario")
            .WithSummary("One saved scenario with its parameters and result.")
            .Produces<Scenario>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/scenarios/{id:long}/export", ExportScenarioAsync).WithName("ExportPlannerScenario")
            .WithSummary("A scenario's pilots and covered villages as GeoJSON or CSV (format=geojson|csv).")
            .Produces(StatusCodes.Status200OK, contentType: OgcMediaTypes.GeoJson, additionalContentTypes: [OgcMediaTypes.Csv])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>POST /planner/runs.</summary>
    public static async Task<IResult> CreateRunAsync(HttpContext http, PlanningService planning, PlannerRunStore runs, TimeProvider clock, CancellationToken ct)
    {
        var (request, bodyProblem) = await ReadJsonAsync<PlanRequest>(http, ct);
        if (bodyProblem is not null) return bodyProblem;
        var (result, problem) = await RunAsync(http, request, planning, runs, ct);
        if (problem is not null) return problem;
        var stored = runs.Add(result!, clock.GetUtcNow());
        http.Response.Headers.Location = $"{http.Request.PathBase}/planner/runs/{stored.Id}";
        return TypedResults.Json(stored, PlanRequest.JsonOptions, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>GET /planner/runs/{id}.</summary>
    public static IResult GetRun(string id, PlannerRunStore runs) =>
        runs.Find(id) is { } result
            ? TypedResults.Json(result, PlanRequest.JsonOptions)
            : Problems.NotFound($"There is no run '{Problems.Shorten(id)}'. Runs are kept for a while only (the newest {PlannerRunStore.Capacity}); save a scenario to keep one.");

    /// <summary>GET /planner/scenarios.</summary>
    public static async Task<IResult> ListScenariosAsync(ScenarioStore store, int? limit, CancellationToken ct)
    {
        int n = limit ?? 100;
        if (n < 1 || n > 500) return Problems.BadRequest("limit must be between 1 and 500.");
        return TypedResults.Json(new ScenarioList(await store.ListAsync(n, ct)), PlanRequest.JsonOptions);
    }

    /// <summary>POST /planner/scenarios.</summary>
    public static async Task<IResult> SaveScenarioAsync(HttpContext http, PlanningService planning, PlannerRunStore runs, ScenarioStore store, CancellationToken ct)
    {
        var (body, bodyProblem) = await ReadJsonAsync<SaveScenarioRequest>(http, ct);
        if (bodyProblem is not null) return bodyProblem;
        var name = body!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            return Problems.BadRequest("Give the scenario a 'name' of 1 to 200 characters.");
        if (body.Author is { Length: > 200 }) return Problems.BadRequest("'author' may have at most 200 characters.");
        if ((body.RunId is null) == (body.Parameters is null))
            return Problems.BadRequest("Give either 'runId' (a run made with POST /planner/runs) or 'parameters' (to run and save at once), not both.");
        PlanResult result;
        if (body.RunId is { } runId)
        {
            if (runs.Find(runId) is not { } kept)
                return Problems.BadRequest($"Run '{Problems.Shorten(runId)}' is not kept any more (or never existed): post its 'parameters' instead.");
            result = kept;
        }
        else
        {
            var (ran, problem) = await RunAsync(http, body.Parameters, planning, runs, ct);
            if (problem is not null) return problem;
            result = ran!;
        }
        var summary = await planning.SaveAsync(name, body.Author?.Trim(), result, Policies.Actor(http.User), ct);
        var scenario = await store.GetAsync(summary.Id, ct);
        http.Response.Headers.Location = $"{http.Request.PathBase}/planner/scenarios/{summary.Id}";
        return TypedResults.Json(scenario, PlanRequest.JsonOptions, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>GET /planner/scenarios/{id}.</summary>
    public static async Task<IResult> GetScenarioAsync(long id, ScenarioStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } scenario
            ? TypedResults.Json(scenario, PlanRequest.JsonOptions)
            : ScenarioNotFound(id);

    /// <summary>GET /planner/scenarios/compare?a=&amp;b=.</summary>
    public static async Task<IResult> CompareScenariosAsync(string? a, string? b, ScenarioStore store, CancellationToken ct)
    {
        if (!long.TryParse(a, out var idA) || !long.TryParse(b, out var idB))
            return Problems.BadRequest("Give two scenario ids: /planner/scenarios/compare?a=1&b=2.");
        var sa = await store.GetAsync(idA, ct);
        if (sa is null) return ScenarioNotFound(idA);
        var sb = await store.GetAsync(idB, ct);
        if (sb is null) return ScenarioNotFound(idB);
        var comparison = ScenarioComparer.Compare(new ScenarioRef(sa.Id, sa.Name, sa.Method), sa.Result, new ScenarioRef(sb.Id, sb.Name, sb.Method), sb.Result);
        return TypedResults.Json(comparison, PlanRequest.JsonOptions);
    }

    /// <summary>GET /planner/scenarios/{id}/export?format=geojson|csv.</summary>
    public static async Task<IResult> ExportScenarioAsync(long id, string? format, ScenarioStore store, CancellationToken ct)
    {
        var f = (format ?? "geojson").Trim().ToLowerInvariant();
        if (f is not ("geojson" or "csv")) return Problems.BadRequest($"Unknown format '{Problems.Shorten(format)}': use geojson or csv.");
        var scenario = await store.GetAsync(id, ct);
        if (scenario is null) return ScenarioNotFound(id);
        var rows = await store.ExportRowsAsync(id, ct);
        var fileName = $"scenario-{id}.{(f == "csv" ? "csv" : "geojson")}";
        return f == "csv"
            ? TypedResults.File(ScenarioExportWriter.Csv(rows), OgcMediaTypes.Csv + "; charset=utf-8", fileName)
            : TypedResults.File(ScenarioExportWriter.GeoJson(scenario, rows), OgcMediaTypes.GeoJson, fileName);
    }

    private static IResult ScenarioNotFound(long id) =>
        Problems.NotFound($"There is no scenario {id}. GET /planner/scenarios lists the saved ones.");

    private static IResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "5";
        return Problems.Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.PlannerBusy, "The planner is busy",
            $"{PlannerRunStore.ConcurrentRuns} planner runs are in progress. Try again in a few seconds.");
    }

    private static async Task<(PlanResult? Result, IResult? Problem)> RunAsync(HttpContext http, PlanRequest? request, PlanningService planning, PlannerRunStore runs, CancellationToken ct)
    {
        try
        {
            var options = new PlanRunOptions
            {
                Language = PlanLanguage.Pick(http.Request),
                BoundCost = true,
                Gate = runs.Gate,
                GateWait = PlannerRunStore.GateWait,
            };
            return (await planning.RunAsync(request, options, ct), null);
        }
        catch (PlanValidationException ex)
        {
            return (null, InvalidPlan(ex));
        }
        catch (PlannerBusyException)
        {
            return (null, Busy(http));
        }
    }

    private static IResult InvalidPlan(PlanValidationException ex) =>
        Problems.Create(StatusCodes.Status400BadRequest, ProblemTypes.InvalidPlan, "The plan cannot run",
            string.Join(" ", ex.Errors.Select(e => $"{e.Path}: {e.Message}")),
            new Dictionary<string, object?> { ["errors"] = ex.Errors.Select(e => new { path = e.Path, message = e.Message }).ToList() });

    private static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        if (!(http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                "Send the body as JSON with Content-Type: application/json."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, PlanRequest.StrictJsonOptions, ct);
            return value is null
                ? (null, Problems.BadRequest("The body must be a JSON object.", ProblemTypes.InvalidBody, "Invalid body"))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest(PlanRequest.Describe(ex), ProblemTypes.InvalidBody, "Invalid body"));
        }
    }
}
