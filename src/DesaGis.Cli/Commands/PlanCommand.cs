using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DesaGis.Data;
using DesaGis.Data.Planning;
using DesaGis.Planning;
using DesaGis.Planning.Requests;
using DesaGis.Planning.Results;
using Spectre.Console;

namespace DesaGis.Cli.Commands;

/// <summary><c>desagis plan --config plan.json [--save name]</c>: runs the planner and prints the ranked, explained list.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The plan as JSON (the body of POST /planner/runs; see docs/planner.md).", Required = true };
        var save = new Option<string?>("--save") { Description = "Save the result as a scenario with this name." };
        var author = new Option<string?>("--author") { Description = "Author recorded with a saved scenario." };
        var json = new Option<bool>("--json") { Description = "Print the full result as JSON instead of a table." };
        var lang = new Option<string>("--lang") { Description = "Language of the warnings: id (Bahasa Indonesia, the default) or en.", DefaultValueFactory = _ => "id" };
        lang.AcceptOnlyFromAmong("id", "en");
        var command = new Command("plan", "Choose pilot villages: ranking or replication reach, with explanations.") { config, save, author, json, lang };
        command.SetAction(async (parse, ct) =>
        {
            await using var dataSource = DesaGisDataSource.Create(DesaGisDataSource.FromEnvironment(), "desagis-cli");
            return await RunAsync(dataSource, parse.GetValue(config)!, parse.GetValue(save), parse.GetValue(author), parse.GetValue(json),
                Console.Out, Console.Error, rich: !Console.IsOutputRedirected, ct, parse.GetValue(lang) ?? "id");
        });
        return command;
    }

    /// <summary>Runs a plan file; returns the exit code (0 ok, 2 invalid plan or file).</summary>
    public static async Task<int> RunAsync(Npgsql.NpgsqlDataSource dataSource, FileInfo config, string? saveAs, string? author, bool asJson,
        TextWriter output, TextWriter error, bool rich, CancellationToken cancellationToken, string language = "id")
    {
        PlanRequest? request;
        try
        {
            await using var stream = config.OpenRead();
            request = await JsonSerializer.DeserializeAsync<PlanRequest>(stream, PlanRequest.StrictJsonOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            await error.WriteLineAsync($"Cannot read the plan {config.FullName}: {PlanRequest.Describe(ex)}");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read the plan {config.FullName}: {ex.Message}");
            return 2;
        }
        var planning = new PlanningService(dataSource);
        PlanResult result;
        try
        {
            result = await planning.RunAsync(request, new PlanRunOptions { Language = language }, cancellationToken);
        }
        catch (PlanValidationException ex)
        {
            await error.WriteLineAsync("The plan cannot run:");
            foreach (var e in ex.Errors) await error.WriteLineAsync($"  {e.Path}: {e.Message}");
            return 2;
        }
        if (saveAs is not null)
        {
            var saved = await planning.SaveAsync(saveAs, author, result, Environment.UserName, cancellationToken);
            result = result with { Id = $"scenario-{saved.Id}", CreatedAt = saved.CreatedAt };
        }
        if (asJson) await output.WriteLineAsync(JsonSerializer.Serialize(result, PlanRequest.JsonOptions));
        else if (rich) PrintRich(result);
        else await output.WriteAsync(PlainText(result));
        if (saveAs is not null) await error.WriteLineAsync($"Saved as {result.Id} \"{saveAs}\".");
        return 0;
    }

    /// <summary>The result as plain text: a header, one line per pilot, the runners-up and warnings.</summary>
    public static string PlainText(PlanResult r)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine(Header(r));
        w.WriteLine($"{"rank",4}  {"kode",-13}  {"nama",-24}  {"score",6}  {"stab.",5}  {"reach",5}  explanation");
        foreach (var s in r.Selected)
            w.WriteLine($"{s.Rank,4}  {s.Kode,-13}  {Cut(s.Nama, 24),-24}  {s.Score,6:0.000}  {Stability(s),5}  {s.Reached,5}  {Explain(s)}");
        if (r.RunnersUp.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Runners-up:");
            foreach (var u in r.RunnersUp)
                w.WriteLine($"  {u.Kode}  {u.Nama} (score {u.Score:0.000}): {u.Reason}: {u.Detail}");
        }
        foreach (var warning in r.Warnings) w.WriteLine($"Warning ({warning.Code}): {warning.Message}");
        return w.ToString();
    }

    private static void PrintRich(PlanResult r)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Header(r))}[/]");
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var c in new[] { "rank", "kode", "nama", "kecamatan", "score", "stability", "reach", "explanation" }) table.AddColumn(c);
        foreach (var s in r.Selected)
            table.AddRow(s.Rank.ToString(CultureInfo.InvariantCulture), s.Kode, Markup.Escape(s.Nama) + (s.Pinned ? " [yellow](pinned)[/]" : ""),
                s.KecamatanKode, s.Score.ToString("0.000", CultureInfo.InvariantCulture), Stability(s),
                s.Reached.ToString(CultureInfo.InvariantCulture), Markup.Escape(Explain(s)));
        AnsiConsole.Write(table);
        if (r.RunnersUp.Count > 0)
        {
            var runners = new Table().Border(TableBorder.Simple).Title("Runners-up");
            foreach (var c in new[] { "kode", "nama", "score", "reason", "detail" }) runners.AddColumn(c);
            foreach (var u in r.RunnersUp)
                runners.AddRow(u.Kode, Markup.Escape(u.Nama), u.Score.ToString("0.000", CultureInfo.InvariantCulture), u.Reason, Markup.Escape(u.Detail));
            AnsiConsole.Write(runners);
        }
        foreach (var warning in r.Warnings) AnsiConsole.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(warning.Message)}");
    }

    private static string Header(PlanResult r)
    {
        var s = r.Summary;
        var radius = r.Parameters.Reach?.RadiusKm ?? 10;
        var header = string.Create(CultureInfo.InvariantCulture,
            $"{r.Method}: {s.Selected} pilots from {s.Candidates} villages ({s.Eligible} eligible); {s.Covered} villages ({s.CoverageShare:P1}) within {radius:0.#} km of a pilot");
        if (r.Robustness is { } rob)
            header += string.Create(CultureInfo.InvariantCulture, $"; {rob.Draws} draws at ±{rob.Perturbation:P0} keep {rob.MeanOverlap:P0} of the pilots");
        if (r.Exact is { } e)
            header += string.Create(CultureInfo.InvariantCulture, $"; exact optimum {e.Optimum:0.##} ({e.Status}), gap {e.GapPercent:0.##} %");
        return header;
    }

    private static string Explain(SelectedVillage s) =>
        string.Join(", ", s.Contributions.OrderByDescending(c => c.Contribution)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Criterion} {c.Contribution:0.000}{(c.Missing ? " (missing)" : "")}{(c.Note is { } n ? $" ({n})" : "")}")));

    private static string Stability(SelectedVillage s) =>
        s.Stability is double x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
