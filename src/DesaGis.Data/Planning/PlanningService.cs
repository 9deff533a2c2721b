using DesaGis.Data.Security;
using DesaGis.Planning;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;
using Npgsql;

namespace DesaGis.Data.Planning;

/// <summary>
/// The planner's one path, used by the HTTP API and the CLI alike: validate a plan against the indicator catalog,
/// load its villages, run it, and save a result as a scenario together with its audit entry.
/// </summary>
public sealed class PlanningService(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Validates <paramref name="request"/>, loads the villages it covers and runs it. Throws
    /// <see cref="PlanValidationException"/> when the plan cannot run (with every error named) and
    /// <see cref="PlannerBusyException"/> when <see cref="PlanRunOptions.Gate"/> has no place in time.
    /// </summary>
    public async Task<PlanResult> RunAsync(PlanRequest? request, PlanRunOptions options, CancellationToken cancellationToken)
    {
        var indicators = await PlannerIndicatorCatalog.LoadAsync(dataSource, cancellationToken);
        var parameters = PlanValidator.Validate(request, indicators) with { Language = options.Language };
        // Runs are CPU-bound: a few at a time, so that a burst of national runs cannot starve tiles and features.
        if (options.Gate is { } gate && !await gate.WaitAsync(options.GateWait, cancellationToken))
            throw new PlannerBusyException();
        try
        {
            var villages = await PlannerVillageLoader.LoadAsync(dataSource, parameters, cancellationToken);
            // Refused before it runs when its size says it would hold a core for long.
            if (options.BoundCost) PlanCost.Check(parameters, villages);
            // Off the caller's thread; cancellation is checked between robustness draws.
            return await Task.Run(() => Planner.Run(parameters, villages, cancellationToken), cancellationToken);
        }
        finally
        {
            options.Gate?.Release();
        }
    }

    /// <summary>
    /// Saves a result as a named scenario and records who saved it in the audit log, in one transaction: both are
    /// kept, or neither.
    /// </summary>
    public Task<ScenarioSummary> SaveAsync(string name, string? author, PlanResult result, string actor, CancellationToken cancellationToken) =>
        AuditedWrite.RunAsync(dataSource, dryRun: false,
            (conn, tx) => ScenarioStore.InsertAsync(conn, tx, name, author, result, cancellationToken),
            summary => new AuditRecord(actor, "save-scenario", $"scenario {summary.Id}",
                new Dictionary<string, long> { ["pilots"] = result.Selected.Count },
                new Dictionary<string, string?> { ["name"] = name }),
            cancellationToken);
}
