namespace DesaGis.Data.Demo;

/// <summary>A synthetic partner organisation; kind is government, ngo, donor or private.</summary>
public sealed record DemoPartner(string Kode, string Nama, string Kind);
