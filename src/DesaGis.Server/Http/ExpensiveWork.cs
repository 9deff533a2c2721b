namespace DesaGis.Server.Http;

/// <summary>Endpoint metadata: requests to this endpoint are expensive work of a <see cref="CostClass"/>.</summary>
/// <param name="Class">The class whose slots the request takes.</param>
/// <param name="Applies">Whether a given request is expensive (e.g. only large WMS images); null: every request.</param>
public sealed record ExpensiveWork(CostClass Class, Func<HttpRequest, bool>? Applies = null);
