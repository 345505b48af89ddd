namespace Shian.Kernel.Scoping;

/// <summary>How an /api/v1 endpoint relates to regulated data; the isolation test requires one on every endpoint.</summary>
public abstract record EndpointScope;

/// <summary>Reference or identity data that is not regulated (region tree, unit catalogue, one's own account).</summary>
public sealed record RegionNeutral(string Reason) : EndpointScope;

/// <summary>Regulated records of one resource kind, filtered by region (and business).</summary>
public sealed record Regulated(string Resource) : EndpointScope;

/// <summary>Data that belongs to the signed-in user alone (inbox).</summary>
public sealed record UserOwned(string Resource) : EndpointScope;

/// <summary>System administration; every other role gets 403.</summary>
public sealed record AdminOnly(string Reason) : EndpointScope;

public static class EndpointScopeExtensions
{
    public static TBuilder RegionNeutral<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RegionNeutral(reason)).AddEndpointFilterFactory(Errors.EnumArgumentFilter.Create);

    public static TBuilder Regulated<TBuilder>(this TBuilder builder, string resource) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Regulated(resource)).AddEndpointFilterFactory(Errors.EnumArgumentFilter.Create);

    /// <summary>System administration, requiring an administrator's permission (reference data unless said otherwise).</summary>
    public static TBuilder AdminOnly<TBuilder>(this TBuilder builder, string reason, string permission = Users.KernelPermissions.AdminReference) where TBuilder : IEndpointConventionBuilder =>
        Users.PermissionEndpoints.Requires(builder.WithMetadata(new AdminOnly(reason)), permission).AddEndpointFilterFactory(Errors.EnumArgumentFilter.Create);

    public static TBuilder UserOwned<TBuilder>(this TBuilder builder, string resource) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UserOwned(resource)).AddEndpointFilterFactory(Errors.EnumArgumentFilter.Create);
}
