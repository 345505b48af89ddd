namespace Shian.Sampling.Rules;

/// <summary>What a unit measures: mass per mass (mg/kg …) or mass per volume (mg/L …).</summary>
public enum UnitDimension
{
    MassFraction,
    MassConcentration,
}

/// <summary>
/// A result or limit unit: its canonical spelling and its factor to the dimension's base (mg/kg or mg/L). Conversions
/// within a dimension are exact decimal powers of ten; between the two only with the sample's density (kg/L), which
/// the lab must state — otherwise the conversion is refused.
/// </summary>
public sealed record MeasureUnit(string Symbol, UnitDimension Dimension, decimal ToBase)
{
    private static readonly IReadOnlyDictionary<string, MeasureUnit> Known = Build();

    public static IReadOnlyCollection<string> Symbols { get; } = ["g/kg", "mg/kg", "μg/kg", "g/L", "mg/L", "μg/L", "mg/100g"];

    /// <summary>Parses the spellings labs use (μg/µg/ug, ppm/ppb for mass fractions, "mg/l").</summary>
    public static bool TryParse(string? text, out MeasureUnit unit)
    {
        var key = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace('µ', 'μ').Replace("ug", "μg", StringComparison.OrdinalIgnoreCase);
        if (Known.TryGetValue(key, out unit!) || Known.TryGetValue(key.ToLowerInvariant(), out unit!))
        {
            return true;
        }

        unit = null!;
        return false;
    }

    /// <summary>Microbiological units (GB 4789 series): counts per gram or millilitre, and presence in a test portion.</summary>
    public static IReadOnlyCollection<string> MicrobialSymbols { get; } = ["CFU/g", "CFU/mL", "MPN/g", "MPN/mL", "MPN/100mL", "/25g", "/25mL"];

    /// <summary>Parses a microbiological unit, any case and spacing ("cfu/ml" → "CFU/mL"); no conversion between them.</summary>
    public static bool TryParseMicrobial(string? text, out string symbol)
    {
        var key = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        symbol = MicrobialSymbols.FirstOrDefault(s => string.Equals(s, key, StringComparison.OrdinalIgnoreCase)) ?? "";
        return symbol.Length > 0;
    }

    /// <summary>
    /// Converts <paramref name="value"/> from this unit to <paramref name="target"/>; null when the dimensions differ and
    /// no density is given (mg/kg × density(kg/L) = mg/L).
    /// </summary>
    public decimal? ConvertTo(decimal value, MeasureUnit target, decimal? densityKgPerL = null)
    {
        var inBase = value * ToBase;
        if (Dimension != target.Dimension)
        {
            if (densityKgPerL is not decimal d || d <= 0)
            {
                return null;
            }

            inBase = Dimension == UnitDimension.MassFraction ? inBase * d : inBase / d;
        }

        return inBase / target.ToBase;
    }

    public override string ToString() => Symbol;

    private static Dictionary<string, MeasureUnit> Build()
    {
        var units = new[]
        {
            new MeasureUnit("g/kg", UnitDimension.MassFraction, 1000m), new MeasureUnit("mg/kg", UnitDimension.MassFraction, 1m),
            new MeasureUnit("μg/kg", UnitDimension.MassFraction, 0.001m), new MeasureUnit("mg/100g", UnitDimension.MassFraction, 10m),
            new MeasureUnit("g/L", UnitDimension.MassConcentration, 1000m), new MeasureUnit("mg/L", UnitDimension.MassConcentration, 1m),
            new MeasureUnit("μg/L", UnitDimension.MassConcentration, 0.001m),
        };
        var map = units.ToDictionary(u => u.Symbol, StringComparer.Ordinal);
        foreach (var u in units)
        {
            map[u.Symbol.ToLowerInvariant()] = u;
        }

        map["ppm"] = map["mg/kg"];
        map["ppb"] = map["μg/kg"];
        map["mg/g"] = map["g/kg"];
        map["μg/g"] = map["mg/kg"];
        map["ng/g"] = map["μg/kg"];
        return map;
    }
}
