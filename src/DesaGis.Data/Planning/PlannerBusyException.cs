namespace DesaGis.Data.Planning;

/// <summary>Thrown when a run found no place at its <see cref="PlanRunOptions.Gate"/> in time.</summary>
public sealed class PlannerBusyException() : Exception("The planner is busy: every run slot is taken.");
