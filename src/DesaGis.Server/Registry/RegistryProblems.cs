using DesaGis.Data.Registry;
using DesaGis.Server.Http;

namespace DesaGis.Server.Registry;

/// <summary>The problem response of a refused registry write: the status of its kind, the field at fault, the offending values.</summary>
public static class RegistryProblems
{
    public static IResult From(RegistryException ex)
    {
        var extensions = new Dictionary<string, object?>();
        if (ex.Field is not null) extensions["field"] = ex.Field;
        if (ex.Values.Count > 0) extensions["values"] = ex.Values.Take(100).ToArray();
        if (ex.CurrentRevision is int current)
        {
            extensions["currentRevision"] = current;
            extensions["currentETag"] = RevisionETag.Format(current);
        }
        var (status, type, title) = ex.Kind switch
        {
            RegistryErrorKind.Invalid => (StatusCodes.Status400BadRequest, ProblemTypes.InvalidProgram, "Invalid programme"),
            RegistryErrorKind.Forbidden => (StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden"),
            RegistryErrorKind.NotFound => (StatusCodes.Status404NotFound, ProblemTypes.UnknownFeature, "Unknown feature"),
            RegistryErrorKind.Stale => (StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "The version has changed"),
            _ => (StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflicts with the current state"),
        };
        return Problems.Create(status, type, title, new LocalizedText(ex.Indonesian, ex.Message), extensions);
    }
}
