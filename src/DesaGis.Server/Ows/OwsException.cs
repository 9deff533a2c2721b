namespace DesaGis.Server.Ows;

/// <summary>
/// A WMS/WFS request that cannot be answered, with the service's exception code (InvalidParameterValue,
/// LayerNotDefined, InvalidCRS, …), the parameter at fault and a message in both languages. It becomes the service's
/// own XML exception report, with an HTTP status that says the same (400, 403, 404).
/// </summary>
public sealed class OwsException(string code, string? locator, OwsText text, int status = StatusCodes.Status400BadRequest)
    : Exception(text.English)
{
    public string Code { get; } = code;
    public string? Locator { get; } = locator;
    public OwsText Text { get; } = text;
    public int Status { get; } = status;

    /// <summary>The parameter is missing.</summary>
    public static OwsException Missing(string parameter, OwsText hint) => new(OwsCodes.MissingParameterValue, parameter,
        new OwsText($"Parameter {parameter} wajib diisi. {hint.Indonesian}", $"The parameter {parameter} is required. {hint.English}"));

    /// <summary>The parameter has a value that cannot be used.</summary>
    public static OwsException Invalid(string parameter, OwsText text, string code = OwsCodes.InvalidParameterValue) => new(code, parameter, text);
}
