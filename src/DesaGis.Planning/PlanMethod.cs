namespace DesaGis.Planning;

/// <summary>How pilots are chosen.</summary>
public enum PlanMethod
{
    /// <summary>Highest weighted score first, under the constraints.</summary>
    Ranking,

    /// <summary>Maximise the villages within reach of some pilot.</summary>
    Reach,
}
