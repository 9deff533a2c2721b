using DesaGis.Cli.Commands;

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
}
