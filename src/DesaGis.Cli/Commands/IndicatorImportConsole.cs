using DesaGis.Data.Indicators;

namespace DesaGis.Cli.Commands;

/// <summary>Prints what an indicator import did, with the rows it could not use (line and reason).</summary>
public static class IndicatorImportConsole
{
    public static void Print(IndicatorImportReport report, int showRejected)
    {
        Console.WriteLine($"{report.SourceName} → indicators {string.Join(", ", report.Indicators)}{(report.DryRun ? " (dry run: nothing written)" : "")}");
        foreach (var (field, column) in report.Mapping) Console.WriteLine($"    {field} ← {column}");
        if (report.Created.Count > 0) Console.WriteLine($"  created in the catalog: {string.Join(", ", report.Created)}");
        Console.WriteLine($"  rows read {report.RowsRead}: values inserted {report.Inserted}, updated {report.Updated}, unchanged {report.Unchanged}, " +
                          $"empty cells {report.Empty} (no value stored), rejected {report.Rejected}");
        foreach (var r in report.Rejections.Take(showRejected)) Console.WriteLine($"    {r}");
        if (report.Rejected > showRejected) Console.WriteLine($"    … and {report.Rejected - showRejected} more (--show-rejected N lists more)");
    }
}
