namespace DesaGis.Data.Registry;

/// <summary>
/// Who writes to the programme registry: a partner (bound to one partner organisation, by its code) or a reviewer
/// (government reviewers and administrators), who sees and may publish everything.
/// </summary>
public sealed record RegistryCaller(string Actor, string? PartnerKode, bool IsReviewer)
{
    /// <summary>A partner account of the organisation with this code.</summary>
    public static RegistryCaller Partner(string actor, string partnerKode) => new(actor, partnerKode, false);

    /// <summary>A reviewer (or administrator).</summary>
    public static RegistryCaller Reviewer(string actor) => new(actor, null, true);

    /// <summary>Whether the caller may see drafts and history of a programme of this partner.</summary>
    public bool MaySee(string partnerKode) => IsReviewer || string.Equals(PartnerKode, partnerKode, StringComparison.Ordinal);
}
