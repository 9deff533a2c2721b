namespace DesaGis.Data.Import;

/// <summary>One import of the shared-geodata plan: what it loads and the request that loads it.</summary>
public sealed record SharedGeodataStep(string Title, ImportRequest Request);
