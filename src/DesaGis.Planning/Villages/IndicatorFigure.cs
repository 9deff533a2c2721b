namespace DesaGis.Planning.Villages;

/// <summary>
/// What the catalog holds for one village and one indicator: the village's own value (measured) and the nearest value
/// of a wider area it lies in (inherited), each possibly absent.
/// </summary>
/// <param name="Measured">The village's own value, or null.</param>
/// <param name="Inherited">The kecamatan's value, else the kabupaten's, else the province's; null when none has one.</param>
/// <param name="InheritedLevel">kecamatan, kabupaten or provinsi: where <paramref name="Inherited"/> comes from.</param>
/// <param name="Year">The year of the measured value (or of the inherited one when there is no measured value).</param>
public sealed record IndicatorFigure(double? Measured, double? Inherited = null, string? InheritedLevel = null, int? Year = null);
