using System.Text;
using System.Text.RegularExpressions;

namespace Shian.Traceability.Rules;

/// <summary>
/// GS1 keys in the two forms EPCIS 2.0 allows — EPC URIs (EPC Tag Data Standard 2.0: <c>urn:epc:id:…</c>,
/// <c>urn:epc:class:lgtin:…</c>, <c>urn:epc:idpat:…</c>) and GS1 Digital Link URIs (GS1 Digital Link 1.2) — turned into the
/// one canonical, constrained Digital Link form the CBV 2.0 event hash (§8.9) and our indexes use:
/// <c>https://id.gs1.org/{AI}/{key}[/{qualifier AI}/{value}]</c>, lowest identification level only, no CPV, no query.
/// Hand-written: no maintained .NET library converts EPC URNs to Digital Link (the GS1 "Digital Link toolkit" is
/// JavaScript and the EPC TDS "translator" libraries are Java), and the rules are a table of fixed digit lengths.
/// </summary>
public static class Gs1Keys
{
    private const string Domain = "https://id.gs1.org";

    /// <summary>GS1 mod-10 check digit of a digit string written without its check digit.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits) => Kernel.Identifiers.Gtin.CheckDigit(digits);

    /// <summary>Whether a full key (GTIN-8/12/13/14, GLN, SSCC …) ends in its right check digit.</summary>
    public static bool HasValidCheckDigit(string key) => Kernel.Identifiers.Gtin.HasValidCheckDigit(key);

    /// <summary>
    /// The canonical Digital Link of a GS1 key written as an EPC URI or a Digital Link URI (any domain, short names,
    /// GTIN-8/12/13, CPV, query); null when <paramref name="uri"/> is neither (then it is hashed and stored as written).
    /// </summary>
    public static string? Canonical(string uri)
    {
        if (uri.StartsWith("urn:epc:", StringComparison.Ordinal))
        {
            return FromEpcUri(uri);
        }

        return uri.StartsWith("http://", StringComparison.Ordinal) || uri.StartsWith("https://", StringComparison.Ordinal) ? FromDigitalLink(uri) : null;
    }

    /// <summary>Whether a URI is an EPC URI whose syntax (scheme, digit counts, characters) is wrong.</summary>
    public static bool IsMalformedEpcUri(string uri) =>
        (uri.StartsWith("urn:epc:id:", StringComparison.Ordinal) || uri.StartsWith("urn:epc:class:", StringComparison.Ordinal) || uri.StartsWith("urn:epc:idpat:", StringComparison.Ordinal))
        && FromEpcUri(uri) is null;

    /// <summary>
    /// A Digital Link URI whose primary key is a GS1 key of fixed length with a check digit (01, 00, 414, 417, 8018 …)
    /// but whose check digit is wrong; null when fine or not a Digital Link.
    /// </summary>
    public static string? WrongCheckDigit(string uri)
    {
        var m = DigitalLinkPath.Match(uri);
        if (!m.Success)
        {
            return null;
        }

        var ai = ShortNames.GetValueOrDefault(m.Groups["ai"].Value, m.Groups["ai"].Value);
        var value = m.Groups["key"].Value;
        var checkedLength = ai switch
        {
            "01" => value.Length is 8 or 12 or 13 or 14 ? value.Length : -1,
            "00" or "8017" or "8018" => 18,
            "414" or "417" => 13,
            "402" => 17,
            _ => 0,
        };
        if (checkedLength == 0)
        {
            return null;
        }

        var key = checkedLength > 0 && value.Length >= checkedLength ? value[..checkedLength] : value;
        return checkedLength < 0 || !HasValidCheckDigit(key) ? key : null;
    }

    // ---- EPC URIs (TDS 2.0 §6) -------------------------------------------------------------------------------------

    // Characters an EPC URI component may hold: the GS1 AI encodable set 82 with '%', '"', '&', '/', '<', '>', '?' escaped.
    private static readonly Regex Component = new(@"^(%[0-9A-Fa-f]{2}|[!')(*+,.0-9:;=A-Za-z_-])+$", RegexOptions.CultureInvariant);

    private static string? FromEpcUri(string uri)
    {
        var parts = uri.Split(':');
        if (parts.Length < 5)
        {
            return null;
        }

        var kind = parts[2];
        var scheme = parts[3];
        var body = string.Join(':', parts[4..]);
        return kind switch
        {
            "id" => FromEpcId(scheme, body),
            "class" when scheme == "lgtin" => FromLgtin(body),
            "idpat" => FromIdPattern(scheme, body),
            _ => null,
        };
    }

    private static string? FromEpcId(string scheme, string body)
    {
        var dot = body.IndexOf('.');
        if (dot is < 6 or > 12 || !body.AsSpan(0, dot).ContainsOnlyDigits())
        {
            return null;
        }

        var cp = body[..dot];
        var rest = body[(dot + 1)..];
        switch (scheme)
        {
            case "sgtin":
            case "upui":
                {
                    if (!SplitFixed(rest, 13 - cp.Length, out var itemRef, out var serial) || !ValidComponent(serial, scheme == "sgtin" ? 20 : 28))
                    {
                        return null;
                    }

                    return $"{Domain}/01/{Gtin(cp, itemRef)}/{(scheme == "sgtin" ? "21" : "235")}/{WebEncode(serial)}";
                }

            case "sscc":
                return rest.Length == 17 - cp.Length && rest.ContainsOnlyDigits() ? $"{Domain}/00/{WithCheck(rest[..1] + cp + rest[1..])}" : null;
            case "sgln":
                {
                    if (!SplitFixed(rest, 12 - cp.Length, out var locRef, out var ext) || !ValidComponent(ext, 20))
                    {
                        return null;
                    }

                    var gln = WithCheck(cp + locRef);
                    return ext == "0" ? $"{Domain}/414/{gln}" : $"{Domain}/414/{gln}/254/{WebEncode(ext)}";
                }

            case "grai":
                {
                    if (!SplitFixed(rest, 12 - cp.Length, out var assetType, out var serial) || (serial.Length > 0 && !ValidComponent(serial, 16)))
                    {
                        return null;
                    }

                    return $"{Domain}/8003/{WithCheck("0" + cp + assetType)}{WebEncode(serial)}";
                }

            case "giai":
                return ValidComponent(rest, 30 - cp.Length) ? $"{Domain}/8004/{cp}{WebEncode(rest)}" : null;
            case "ginc":
                return ValidComponent(rest, 30 - cp.Length) ? $"{Domain}/401/{cp}{WebEncode(rest)}" : null;
            case "gsrn":
                return rest.Length == 17 - cp.Length && rest.ContainsOnlyDigits() ? $"{Domain}/8018/{WithCheck(cp + rest)}" : null;
            case "gsrnp":
                return rest.Length == 17 - cp.Length && rest.ContainsOnlyDigits() ? $"{Domain}/8017/{WithCheck(cp + rest)}" : null;
            case "gsin":
                return rest.Length == 16 - cp.Length && rest.ContainsOnlyDigits() ? $"{Domain}/402/{WithCheck(cp + rest)}" : null;
            case "pgln":
                return (rest.Length == 12 - cp.Length && rest.ContainsOnlyDigits()) ? $"{Domain}/417/{WithCheck(cp + rest)}" : null;
            case "gdti":
                {
                    if (!SplitFixed(rest, 12 - cp.Length, out var docType, out var serial) || (serial.Length > 0 && !ValidComponent(serial, 17)))
                    {
                        return null;
                    }

                    return $"{Domain}/253/{WithCheck(cp + docType)}{WebEncode(serial)}";
                }

            case "sgcn":
                {
                    if (!SplitFixed(rest, 12 - cp.Length, out var couponRef, out var serial) || serial.Length is 0 or > 12 || !serial.ContainsOnlyDigits())
                    {
                        return null;
                    }

                    return $"{Domain}/255/{WithCheck(cp + couponRef)}{serial}";
                }

            case "cpi":
                {
                    var last = rest.LastIndexOf('.');
                    var serial = last > 0 ? rest[(last + 1)..] : "";
                    if (last <= 0 || serial.Length is 0 or > 12 || !serial.ContainsOnlyDigits() || !ValidComponent(rest[..last], 30 - cp.Length))
                    {
                        return null;
                    }

                    return $"{Domain}/8010/{WebEncode(cp + rest[..last])}/8011/{serial}";
                }

            case "itip":
                {
                    var p = rest.Split('.', 4);
                    if (p.Length != 4 || p[0].Length != 13 - cp.Length || !p[0].ContainsOnlyDigits() || p[1].Length != 2 || p[2].Length != 2
                        || !(p[1] + p[2]).ContainsOnlyDigits() || !ValidComponent(p[3], 20))
                    {
                        return null;
                    }

                    return $"{Domain}/8006/{Gtin(cp, p[0])}{p[1]}{p[2]}/21/{WebEncode(p[3])}";
                }

            default:
                return null;
        }
    }

    private static string? FromLgtin(string body)
    {
        var dot = body.IndexOf('.');
        if (dot is < 6 or > 12 || !body.AsSpan(0, dot).ContainsOnlyDigits())
        {
            return null;
        }

        var cp = body[..dot];
        return SplitFixed(body[(dot + 1)..], 13 - cp.Length, out var itemRef, out var lot) && ValidComponent(lot, 20)
            ? $"{Domain}/01/{Gtin(cp, itemRef)}/10/{WebEncode(lot)}"
            : null;
    }

    private static string? FromIdPattern(string scheme, string body)
    {
        var p = body.Split('.');
        if (p.Length < 2 || p[^1] != "*" || p[0].Length is < 6 or > 12 || !p[0].ContainsOnlyDigits())
        {
            return null;
        }

        var cp = p[0];
        bool Digits(string s, int n) => s.Length == n && s.ContainsOnlyDigits();
        return scheme switch
        {
            "sgtin" or "upui" when p.Length == 3 && Digits(p[1], 13 - cp.Length) => $"{Domain}/01/{Gtin(cp, p[1])}",
            "grai" when p.Length == 3 && Digits(p[1], 12 - cp.Length) => $"{Domain}/8003/{WithCheck("0" + cp + p[1])}",
            "gdti" when p.Length == 3 && Digits(p[1], 12 - cp.Length) => $"{Domain}/253/{WithCheck(cp + p[1])}",
            "sgcn" when p.Length == 3 && Digits(p[1], 12 - cp.Length) => $"{Domain}/255/{WithCheck(cp + p[1])}",
            "cpi" when p.Length == 3 && ValidComponent(p[1], 30 - cp.Length) => $"{Domain}/8010/{WebEncode(cp + p[1])}",
            "itip" when p.Length == 5 && Digits(p[1], 13 - cp.Length) && Digits(p[2], 2) && Digits(p[3], 2) => $"{Domain}/8006/{Gtin(cp, p[1])}{p[2]}{p[3]}",
            _ => null,
        };
    }

    private static bool SplitFixed(string rest, int length, out string head, out string tail)
    {
        head = tail = "";
        if (rest.Length < length + 1 || rest[length] != '.' || !rest.AsSpan(0, length).ContainsOnlyDigits())
        {
            return false;
        }

        head = rest[..length];
        tail = rest[(length + 1)..];
        return true;
    }

    private static bool ValidComponent(string s, int max) => s.Length > 0 && DecodedLength(s) <= max && Component.IsMatch(s);

    private static int DecodedLength(string s) => s.Length - (2 * s.Count(c => c == '%'));

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');

    private static bool ContainsOnlyDigits(this string s) => s.AsSpan().ContainsOnlyDigits();

    private static string Gtin(string cp, string itemRef) => WithCheck(itemRef[..1] + cp + itemRef[1..]);

    private static string WithCheck(string digits) => digits + CheckDigit(digits);

    /// <summary>GS1 Digital Link 1.2 table 7-1: characters EPC URIs leave bare that a Digital Link path must escape.</summary>
    private static string WebEncode(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '!' => "%21",
                '(' => "%28",
                ')' => "%29",
                '*' => "%2A",
                '+' => "%2B",
                ',' => "%2C",
                ':' => "%3A",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    // ---- Digital Link URIs (GS1 Digital Link 1.2 §4, constrained as CBV 2.0 §8.9 asks) --------------------------------

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["gtin"] = "01", ["itip"] = "8006", ["cpid"] = "8010", ["gln"] = "414", ["party"] = "417", ["gsrnp"] = "8017", ["gsrn"] = "8018",
        ["gcn"] = "255", ["sscc"] = "00", ["gdti"] = "253", ["ginc"] = "401", ["gsin"] = "402", ["grai"] = "8003", ["giai"] = "8004",
        ["cpv"] = "22", ["lot"] = "10", ["ser"] = "21",
    };

    private static readonly Regex DigitalLinkPath = new(
        @"^https?://[^/?#]+(?:/[^?#]*?)?/(?<ai>01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai)/(?<key>\d{4}[^/?#]*)(?<rest>(?:/[^/?#]+/[^/?#]+)*)/?(?:\?[^#]*)?(?:#.*)?$",
        RegexOptions.CultureInvariant);

    // The value character set of AI-encodable strings in a Digital Link path (percent escapes kept as written).
    private const string Cset = @"(?:%[0-9A-Fa-f]{2}|[""'\-.0-9;-?A-Z_a-z])";

    private static readonly string D = Regex.Escape(Domain);

    private static readonly Regex[] ValidCanonical =
    [
        new($@"^{D}/00/\d{{18}}$"),
        new($@"^{D}/01/\d{{14}}(/21/{Cset}{{1,20}}|/10/{Cset}{{1,20}}|/235/{Cset}{{1,28}})?$"),
        new($@"^{D}/253/\d{{13}}{Cset}{{0,17}}$"),
        new($@"^{D}/255/\d{{13}}\d{{0,12}}$"),
        new($@"^{D}/401/{Cset}{{1,30}}$"),
        new($@"^{D}/402/\d{{17}}$"),
        new($@"^{D}/414/\d{{13}}(/254/{Cset}{{1,20}})?$"),
        new($@"^{D}/417/\d{{13}}$"),
        new($@"^{D}/8003/\d{{14}}{Cset}{{0,16}}$"),
        new($@"^{D}/8004/{Cset}{{1,30}}$"),
        new($@"^{D}/8006/\d{{18}}(/21/{Cset}{{1,20}}|/10/{Cset}{{1,20}})?$"),
        new($@"^{D}/8010/(?:%[0-9A-Fa-f]{{2}}|[#\-/0-9A-Z])+?(/8011/\d{{1,12}})?$"),
        new($@"^{D}/8017/\d{{18}}$"),
        new($@"^{D}/8018/\d{{18}}$"),
    ];

    private static string? FromDigitalLink(string uri)
    {
        var m = DigitalLinkPath.Match(uri);
        if (!m.Success)
        {
            return null;
        }

        var ai = ShortNames.GetValueOrDefault(m.Groups["ai"].Value, m.Groups["ai"].Value);
        var key = m.Groups["key"].Value;
        if (ai == "01")
        {
            key = key.Length switch
            {
                8 or 12 or 13 => key.PadLeft(14, '0'),
                _ => key,
            };
        }

        // Qualifiers as (AI, value) pairs: CPV dropped, and a lot dropped where a serial is present (lowest level only).
        var qualifiers = new List<(string Ai, string Value)>();
        var segs = m.Groups["rest"].Value.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < segs.Length; i += 2)
        {
            qualifiers.Add((ShortNames.GetValueOrDefault(segs[i], segs[i]), segs[i + 1]));
        }

        qualifiers.RemoveAll(q => q.Ai == "22");
        if (qualifiers.Any(q => q.Ai == "21"))
        {
            qualifiers.RemoveAll(q => q.Ai == "10");
        }

        var canonical = new StringBuilder($"{Domain}/{ai}/{key}");
        foreach (var (qai, value) in qualifiers)
        {
            canonical.Append('/').Append(qai).Append('/').Append(value);
        }

        var result = canonical.ToString();
        return ValidCanonical.Any(r => r.IsMatch(result)) ? result : null;
    }
}
