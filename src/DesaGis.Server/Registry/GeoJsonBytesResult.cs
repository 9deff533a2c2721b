using DesaGis.Server.Ogc;

namespace DesaGis.Server.Registry;

/// <summary>A GeoJSON document already written to bytes, with the status it goes out with (201 for a created programme).</summary>
public sealed class GeoJsonBytesResult(byte[] body, int status) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = OgcMediaTypes.GeoJson;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
