namespace DesaGis.Data.Geodata;

/// <summary>What <see cref="GeodataDeriver"/> wrote: rows per file, the example programmes and their village links, and the dataset's size in bytes.</summary>
public sealed record GeodataDeriveSummary(IReadOnlyDictionary<string, int> Rows, int ExamplePrograms, int ExampleLinks, long Bytes);
