using System.Text.RegularExpressions;

namespace Shian.Governance.Parsing;

/// <summary>The ways Chinese official documents number their parts (GB/T 9704 uses the first four in that order).</summary>
public enum NumberStyle
{
    /// <summary>一、</summary>
    ChineseComma,

    /// <summary>（一）</summary>
    ChineseParen,

    /// <summary>㈠</summary>
    ChineseEnclosed,

    /// <summary>1. 1． (and a redacted x.)</summary>
    ArabicDot,

    /// <summary>1、</summary>
    ArabicComma,

    /// <summary>（1）</summary>
    ArabicParen,

    /// <summary>⑴</summary>
    ArabicEnclosedParen,

    /// <summary>①</summary>
    Circled,
}

/// <summary>A number at the start of a paragraph: its style, the number as plain digits or Chinese numerals, and its length in the text.</summary>
public sealed record Numbered(NumberStyle Style, string Number, int Length);

/// <summary>
/// Reads the number a paragraph starts with. Enclosed forms become plain numbers (① → 1, ⑴ → 1, ㈠ → 一) so a task's
/// number reads the same whatever the document used. Pure.
/// </summary>
public static partial class Numbering
{
    public static Numbered? Read(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var c = text[0];
        if (c is >= '①' and <= '⑳')
        {
            return new Numbered(NumberStyle.Circled, (c - '①' + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
        }

        if (c is >= '⑴' and <= '⒇')
        {
            return new Numbered(NumberStyle.ArabicEnclosedParen, (c - '⑴' + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
        }

        if (c is >= '㈠' and <= '㈩')
        {
            return new Numbered(NumberStyle.ChineseEnclosed, "一二三四五六七八九十"[c - '㈠'].ToString(), 1);
        }

        var m = ChineseComma().Match(text);
        if (m.Success)
        {
            return new Numbered(NumberStyle.ChineseComma, m.Groups["n"].Value, m.Length);
        }

        m = ChineseParen().Match(text);
        if (m.Success)
        {
            return new Numbered(NumberStyle.ChineseParen, m.Groups["n"].Value, m.Length);
        }

        m = ArabicParen().Match(text);
        if (m.Success)
        {
            return new Numbered(NumberStyle.ArabicParen, m.Groups["n"].Value, m.Length);
        }

        m = Arabic().Match(text);
        if (m.Success)
        {
            var style = m.Groups["sep"].Value == "、" ? NumberStyle.ArabicComma : NumberStyle.ArabicDot;
            return new Numbered(style, m.Groups["n"].Value, m.Length);
        }

        return null;
    }

    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3})[、，]")]
    private static partial Regex ChineseComma();

    [GeneratedRegex(@"^[（(](?<n>[一二三四五六七八九十]{1,3})[）)]")]
    private static partial Regex ChineseParen();

    [GeneratedRegex(@"^[（(](?<n>\d{1,2})[）)]")]
    private static partial Regex ArabicParen();

    // "1." "1．" "1、" and a redacted "x."; not a decimal ("4.5份") — but "3.6月底前…" is item 3 then "6月底前".
    [GeneratedRegex(@"^(?<n>\d{1,3}|[xX]{1,3})(?<sep>[.．、])(?!\d+(?:[.．]\d+)?\s*(?:[%％份批个家次人]|$))\s*")]
    private static partial Regex Arabic();
}
