namespace DesaGis.Planning.Criteria;

/// <summary>Whether a higher value makes a village a better pilot (benefit) or a worse one (cost).</summary>
public enum Direction
{
    Benefit,
    Cost,
}
