using System.Text;

namespace Shian.Governance.Parsing;

/// <summary>
/// Reads a plain-text plan: UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8, GB18030 (a superset
/// of GBK, what Chinese Windows saves by default). Lines starting with a tab are table cells, as Word's "save as
/// text" writes them.
/// </summary>
public static class PlanText
{
    static PlanText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    public static IReadOnlyList<SourceLine> Lines(string text)
    {
        var lines = new List<SourceLine>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            lines.Add(new SourceLine(raw, raw.StartsWith('\t')));
        }

        return lines;
    }
}
