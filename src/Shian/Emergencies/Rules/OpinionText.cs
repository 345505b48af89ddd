using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Shian.Emergencies.Rules;

/// <summary>
/// Telling copies of one story apart from new stories. A repost rarely matches byte for byte (a source line added, a
/// title shortened, punctuation changed), so besides the exact fingerprint of the normalised text each item carries a
/// 64-bit SimHash of its words (Charikar 2002, as used for near-duplicate web pages: Manku, Jain, Das Sarma, WWW 2007),
/// and two items whose fingerprints differ in a few bits are one story. Hand-written because it is twenty lines and no
/// maintained .NET package offers it; the word segmenter is jieba.NET.
/// </summary>
public static class OpinionText
{
    /// <summary>
    /// The text as compared: NFKC (full-width letters and digits to half-width), lower case, and only letters and digits
    /// kept (punctuation, spaces, emoji and line breaks dropped).
    /// </summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    /// <summary>The exact fingerprint: SHA-256 (hex) of the normalised title and body.</summary>
    public static string ContentHash(string? title, string? body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(title) + "\n" + Normalise(body))));

    /// <summary>
    /// The SimHash of the words (each word's 64-bit FNV-1a hash votes on every bit, weighted by how often it occurs; words
    /// of one character and punctuation do not vote). Text without a word of two characters hashes to 0.
    /// </summary>
    public static long SimHash(IEnumerable<string> words)
    {
        Span<int> votes = stackalloc int[64];
        var any = false;
        foreach (var raw in words)
        {
            var word = Normalise(raw);
            if (word.Length < 2)
            {
                continue;
            }

            any = true;
            var h = Fnv1a(word);
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        if (!any)
        {
            return 0;
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return unchecked((long)result);
    }

    /// <summary>
    /// A repost that quotes the whole story with a line of its own (转自…, a tag, a comment): the normalised text of one
    /// contains the other's, which is at least <paramref name="minLength"/> characters long (short texts are too common to tell).
    /// </summary>
    public static bool Quotes(string normalisedA, string normalisedB, int minLength = 30) =>
        normalisedA.Length >= normalisedB.Length
            ? normalisedB.Length >= minLength && normalisedA.Contains(normalisedB, StringComparison.Ordinal)
            : normalisedA.Length >= minLength && normalisedB.Contains(normalisedA, StringComparison.Ordinal);

    /// <summary>How many bits two fingerprints differ in.</summary>
    public static int Distance(long a, long b) => BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    /// <summary>One story: the same exact fingerprint, or SimHashes within <paramref name="bits"/> (never for an empty text's 0).</summary>
    public static bool IsCopy(string hashA, long simA, string hashB, long simB, int bits) =>
        hashA == hashB || (simA != 0 && simB != 0 && Distance(simA, simB) <= bits);

    /// <summary>
    /// A link as compared: scheme and host lower case, the fragment and tracking parameters (utm_*, spm, from, share_*)
    /// dropped, a trailing slash removed. Null for what is not an absolute http(s) link.
    /// </summary>
    public static string? CanonicalUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var kept = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p =>
            {
                var name = p.Split('=')[0].ToLowerInvariant();
                return !name.StartsWith("utm_", StringComparison.Ordinal) && !name.StartsWith("share_", StringComparison.Ordinal) && name is not ("spm" or "from" or "timestamp");
            })
            .Order(StringComparer.Ordinal).ToList();
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        return string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{path}{(kept.Count > 0 ? "?" + string.Join('&', kept) : "")}");
    }

    private static ulong Fnv1a(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            h ^= b;
            h *= 1099511628211UL;
        }

        return h;
    }
}
