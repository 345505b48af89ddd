namespace Shian.Kernel.Public;

/// <summary>One recent item of a public section: a published draw, an announcement, an assessment.</summary>
public sealed record PublicItem(string Title, string Href, DateOnly? Date, string? RegionCode = null, string? Note = null);

/// <summary>
/// A module's entry on the public home (<c>/public</c>): what it publishes, where, and its latest items. Each module
/// contributes its own (the web shell never reads a module's tables); the items are published records only.
/// </summary>
public interface IPublicSection
{
    /// <summary>Position on the home page (smaller first).</summary>
    int Order { get; }

    /// <summary>Resource keys of the section's title and one-line description.</summary>
    string TitleKey { get; }

    string DescriptionKey { get; }

    /// <summary>The section's own public page (the full list).</summary>
    string Href { get; }

    Task<IReadOnlyList<PublicItem>> LatestAsync(int take, CancellationToken ct);
}
