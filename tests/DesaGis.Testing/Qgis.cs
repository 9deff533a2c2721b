using System.Diagnostics;

namespace DesaGis.Testing;

/// <summary>
/// Debian's QGIS (python3-qgis, run by Debian's own /usr/bin/python3 headless), which `make test` installs: the real
/// desktop client that offline packages are made for.
/// </summary>
public static class Qgis
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Present = new(() =>
    {
        if (!File.Exists(Python)) return false;
        try
        {
            using var p = Process.Start(new ProcessStartInfo(Python, ["-c", "import qgis.core"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            p.WaitForExit(60_000);
            return p.HasExited && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    /// <summary>Whether PyQGIS imports.</summary>
    public static bool IsInstalled => Present.Value;
}
