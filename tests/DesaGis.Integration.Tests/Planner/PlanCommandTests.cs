using DesaGis.Cli.Commands;
using DesaGis.Data.Planning;
using DesaGis.Planning.Requests;

namespace DesaGis.Integration.Tests.Planner;

public class PlanCommandTests(PlannerFixture fixture) : IClassFixture<PlannerFixture>
{
    private static FileInfo WritePlan(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return new FileInfo(path);
    }

    [Fact]
    public async Task Plan_prints_the_ranked_explained_list_as_plain_text_and_saves_a_scenario()
    {
        var plan = WritePlan("""
            { "k": 2, "criteria": [ { "criterion": "poverty_rate" } ], "robustness": { "draws": 20 }, "runnersUp": 2 }
            """);
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            int code = await PlanCommand.RunAsync(fixture.Db.DataSource, plan, "CLI run", "tester", asJson: false, output, error, rich: false, CancellationToken.None);
            Assert.Equal(0, code);
        }
        finally
        {
            plan.Delete();
        }
        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("ranking: 2 pilots from 10 villages", lines[0]);
        Assert.StartsWith("1  63.98.01.2004  Desa 'Ujung'", lines[2]);
        Assert.Contains("poverty_rate 1.000", lines[2]);
        Assert.StartsWith("2  63.98.02.2009", lines[3]);
        Assert.Contains("Runners-up:", lines);
        Assert.Contains(lines, l => l.StartsWith("63.98.02.2007", StringComparison.Ordinal) && l.Contains("lower-score"));
        Assert.Contains("Saved as scenario-", error.ToString());
        Assert.Equal(1, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM desagis.planner_scenario WHERE name = 'CLI run' AND author = 'tester'"));
        // Saved from the command line as from the API: the audit trail says who saved which scenario.
        Assert.Equal(1, await fixture.Db.ScalarAsync<long>(
            "SELECT count(*) FROM desagis.audit_log a JOIN desagis.planner_scenario s ON a.target = 'scenario ' || s.id " +
            "WHERE s.name = 'CLI run' AND a.action = 'save-scenario' AND a.details->>'name' = 'CLI run' AND (a.counts->>'pilots')::int = 2"));
    }

    [Fact]
    public async Task An_invalid_plan_file_exits_2_and_says_what_to_change()
    {
        var plan = WritePlan("""{ "criteria": [ { "criterion": "poverty_rate", "weight": -1 } ] }""");
        var error = new StringWriter();
        try
        {
            int code = await PlanCommand.RunAsync(fixture.Db.DataSource, plan, null, null, false, new StringWriter(), error, false, CancellationToken.None);
            Assert.Equal(2, code);
        }
        finally
        {
            plan.Delete();
        }
        Assert.Contains("criteria[0].weight", error.ToString());
    }

    [Fact]
    public async Task A_scenario_whose_audit_entry_cannot_be_written_is_not_saved()
    {
        var planning = new PlanningService(fixture.Db.DataSource);
        var request = System.Text.Json.JsonSerializer.Deserialize<PlanRequest>(
            """{ "k": 2, "criteria": [ { "criterion": "poverty_rate" } ] }""", PlanRequest.StrictJsonOptions);
        var result = await planning.RunAsync(request, new PlanRunOptions(), CancellationToken.None);
        // The audit log refuses this one entry, as a full disk or a broken constraint would.
        await fixture.Db.ExecuteAsync("""
            CREATE FUNCTION desagis.test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.details->>'name' = 'Not audited' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER test_refuse_audit BEFORE INSERT ON desagis.audit_log FOR EACH ROW EXECUTE FUNCTION desagis.test_refuse_audit();
            """);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => planning.SaveAsync("Not audited", null, result, "tester", CancellationToken.None));
        }
        finally
        {
            await fixture.Db.ExecuteAsync("DROP TRIGGER test_refuse_audit ON desagis.audit_log; DROP FUNCTION desagis.test_refuse_audit()");
        }
        Assert.Equal(0, await fixture.Db.ScalarAsync<long>("SELECT count(*) FROM desagis.planner_scenario WHERE name = 'Not audited'"));
    }
}
