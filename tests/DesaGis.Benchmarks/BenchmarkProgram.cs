using BenchmarkDotNet.Running;

namespace DesaGis.Benchmarks;

/// <summary>
/// Entry point. <c>serve</c> runs the comparison server of the load runs (the plain PostGIS tile query and a fixed
/// byte array, both on Kestrel); <c>tiles</c> writes the seeded tile list; anything else runs BenchmarkDotNet.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "serve") return await BaselineServer.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "tiles") return await TileListWriter.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
