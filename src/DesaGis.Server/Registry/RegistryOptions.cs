namespace DesaGis.Server.Registry;

/// <summary>How this deployment runs the programme registry, bound from <c>DesaGis:Registry</c>.</summary>
public sealed class RegistryOptions
{
    public const string Section = "DesaGis:Registry";

    /// <summary>Publish partners' writes at once instead of waiting for a reviewer (false: every write is a draft until reviewed).</summary>
    public bool PublishOnWrite { get; set; }
}
