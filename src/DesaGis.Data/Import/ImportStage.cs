namespace DesaGis.Data.Import;

/// <summary>The phases of one import, in order.</summary>
public enum ImportStage
{
    Reading,
    Writing,
    Refreshing,
    Done,
}
