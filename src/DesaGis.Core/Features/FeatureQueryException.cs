namespace DesaGis.Core.Features;

/// <summary>An item request that cannot be answered as asked; the message says what is wrong and what would be right.</summary>
public sealed class FeatureQueryException(string parameter, string message, FeatureQueryErrorKind kind = FeatureQueryErrorKind.Parameter)
    : Exception(message)
{
    public string Parameter { get; } = parameter;
    public FeatureQueryErrorKind Kind { get; } = kind;

    /// <summary>The message in Bahasa Indonesia, where one is written (the <see cref="Exception.Message"/> is English).</summary>
    public string? IndonesianMessage { get; init; }
}
