namespace DesaGis.Data.Import;

/// <summary>A row that was not imported: where it is in the file (e.g. "feature 12", "line 40") and why.</summary>
public sealed record ImportRejection(string Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}
