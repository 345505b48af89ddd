namespace Shian;

/// <summary>
/// Marker for the shared UI strings: Resources/SharedResource.resx is Simplified Chinese (the neutral culture),
/// Resources/SharedResource.en.resx English.
/// </summary>
public sealed class SharedResource;
