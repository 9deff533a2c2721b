namespace DesaGis.Server.Http;

/// <summary>
/// Endpoint metadata: this endpoint takes uploads (files), so its body may be as large as
/// <c>DesaGis:Security:MaxRequestBodyBytes</c>. Every other endpoint takes at most
/// <c>DesaGis:Security:MaxJsonBodyBytes</c> (JSON and XML requests are small).
/// </summary>
public sealed class UploadBody
{
    public static readonly UploadBody Instance = new();
}
