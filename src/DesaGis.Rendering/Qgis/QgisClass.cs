using DesaGis.Core.Mapping;

namespace DesaGis.Rendering.Qgis;

/// <summary>
/// One class of a data-driven style layer: a QGIS filter that selects its features, its legend label, and a sample
/// feature of the class at which the style's own expressions are evaluated to get its colour and widths.
/// </summary>
/// <param name="Filter">The QGIS expression of the class; null for every feature, "ELSE" for the rest.</param>
/// <param name="Label">The legend label.</param>
/// <param name="Sample">A feature that falls in the class.</param>
public sealed record QgisClass(string? Filter, string Label, MapFeature Sample);
