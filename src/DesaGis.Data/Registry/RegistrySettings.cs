namespace DesaGis.Data.Registry;

/// <summary>How a deployment runs its registry.</summary>
/// <param name="PublishOnWrite">
/// Publish every partner write at once instead of waiting for a reviewer (for deployments that review afterwards).
/// </param>
public sealed record RegistrySettings(bool PublishOnWrite = false);
