using BenchmarkDotNet.Attributes;
using DesaGis.Server.Tiles;

namespace DesaGis.Benchmarks;

/// <summary>Per-request work of a cached tile response besides copying bytes: choosing the encoding.</summary>
[MemoryDiagnoser]
public class TileResultBenchmarks
{
    [Benchmark]
    public string ChooseEncodingBrowser() => TileResult.ChooseEncoding("gzip, deflate, br, zstd");

    [Benchmark]
    public string ChooseEncodingNone() => TileResult.ChooseEncoding(default(Microsoft.Extensions.Primitives.StringValues));
}
