using System.Diagnostics;

namespace DesaGis.Integration.Tests.Export;

/// <summary>Runs the command-line tools that check exports the way users open them (poppler, GDAL).</summary>
public static class ExternalTools
{
    public static string Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>A temporary folder deleted with the returned handle.</summary>
    public static TempFolder TempFolder() => new();
}
