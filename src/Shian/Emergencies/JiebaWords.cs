using JiebaNet.Segmenter;
using Shian.Emergencies.Rules;

namespace Shian.Emergencies;

/// <summary>
/// jieba.NET behind <see cref="IWordSegmenter"/>: its dictionary is read once from the output folder's <c>jieba/</c>
/// (copied from the restored package at build). The segmenter's dictionary is process-wide; we never add words to it
/// (names are matched on its word boundaries instead), so one instance serves every caller.
/// </summary>
public sealed class JiebaWords : IWordSegmenter
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        return new JiebaSegmenter();
    });

    public static JiebaWords Instance { get; } = new();

    public IEnumerable<string> Cut(string text) => Segmenter.Value.Cut(text, cutAll: false, hmm: true);
}
