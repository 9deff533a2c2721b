using DesaGis.Data.Import;
using Npgsql;
using Spectre.Console;

namespace DesaGis.Cli.Commands;

/// <summary>
/// Runs imports for the command line: a progress bar on an interactive terminal, plain lines otherwise (logs, CI,
/// pipes), then a summary of what each import did and the first rejected rows with their reasons.
/// </summary>
public sealed class ImportConsole(Importer importer, int showRejected)
{
    private static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>
    /// Runs one import: in a transaction of its own, or inside the caller's transaction on <paramref name="connection"/>
    /// (which the caller then commits or rolls back).
    /// </summary>
    public async Task<ImportReport> RunAsync(string title, ImportRequest request, CancellationToken cancellationToken, NpgsqlConnection? connection = null)
    {
        Task<ImportReport> Run(IProgress<ImportProgress>? progress) => connection is null
            ? importer.ImportAsync(request, progress, cancellationToken)
            : Importer.ImportAsync(request, connection, progress, cancellationToken);
        ImportReport report;
        if (Interactive)
        {
            report = await AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                    var progress = new SynchronousProgress(p =>
                    {
                        if (p.Total is int total && total > 0)
                        {
                            bar.IsIndeterminate = false;
                            bar.MaxValue = total;
                            bar.Value = Math.Min(p.RowsRead, total);
                        }
                        else
                        {
                            bar.IsIndeterminate = p.Stage != ImportStage.Done;
                        }
                        bar.Description = Markup.Escape($"{title} — {p.Stage.ToString().ToLowerInvariant()} {p.RowsRead:N0} rows");
                        if (p.Stage == ImportStage.Done) { bar.MaxValue = 1; bar.Value = 1; }
                    });
                    return await Run(progress);
                });
        }
        else
        {
            report = await Run(null);
        }
        Print(title, report);
        return report;
    }

    public void Print(string title, ImportReport r)
    {
        var verb = r.DryRun ? "would import (dry run, nothing written)" : $"imported (run {r.RunId})";
        Console.WriteLine($"{title}: {r.SourceName} → {TargetName(r.Target)} {verb}");
        Console.WriteLine($"  rows read {r.RowsRead}, inserted {r.Inserted}, updated {r.Updated}, unchanged {r.Unchanged}, " +
                          $"repaired {r.Repaired}, rejected {r.Rejected}" + (r.Skipped > 0 ? $", skipped {r.Skipped} (other levels)" : "") +
                          (r.SourceCrs is "none" or "EPSG:4326" ? "" : $"; reprojected from {r.SourceCrs}"));
        foreach (var rejection in r.Rejections.Take(showRejected)) Console.WriteLine($"  rejected {rejection}");
        if (r.Rejected > showRejected) Console.WriteLine($"  … and {r.Rejected - showRejected} more rejected rows (--show-rejected N lists more)");
        if (r.Outlines is { } o) PrintOutlines(o, showRejected);
    }

    /// <summary>The outlines that disagree with their villages, and how many were rebuilt.</summary>
    public static void PrintOutlines(DesaGis.Data.Outlines.OutlineReport o, int show)
    {
        if (o.Mismatches.Count > 0)
            Console.WriteLine($"  outlines: {o.Mismatches.Count} of {o.Compared} kecamatan/kabupaten disagree with their villages" +
                              (o.Built > 0 ? $"; {o.Built} rebuilt from their villages" : " ('desagis outlines build' or --outlines build rebuilds them from the villages)"));
        else if (o.Built > 0)
            Console.WriteLine($"  outlines: {o.Built} rebuilt from their villages");
        foreach (var m in o.Mismatches.Take(show)) Console.WriteLine($"  outline {m}");
        if (o.Mismatches.Count > show) Console.WriteLine($"  … and {o.Mismatches.Count - show} more");
    }

    private static string TargetName(ImportTarget target) =>
        DesaGis.Data.Import.Targets.TargetCatalog.Get(target).Name;

    /// <summary>Reports on the importing thread, so the bar moves while rows are read (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
