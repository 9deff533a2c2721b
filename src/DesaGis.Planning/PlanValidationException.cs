namespace DesaGis.Planning;

/// <summary>A plan that cannot run; <see cref="Errors"/> says what to change.</summary>
public sealed class PlanValidationException(IReadOnlyList<PlanError> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<PlanError> Errors { get; } = errors;
}
