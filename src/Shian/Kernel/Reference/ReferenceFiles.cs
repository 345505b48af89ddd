using System.Reflection;
using CsvHelper;

namespace Shian.Kernel.Reference;

/// <summary>
/// The reference tables shipped in <c>data/reference</c> (provenance in data/README.md), embedded in the
/// assembly so that the running app never reads files outside its deployment.
/// </summary>
public static class ReferenceFiles
{
    public const string Holidays = "holidays-cn.csv";
    public const string Regions = "regions-seed-cities.csv";
    public const string Zones = "regions-zones.csv";
    public const string Populations = "populations.csv";
    public const string Units = "units.csv";
    public const string UnitGroups = "unit-groups.csv";

    public static TextReader Open(string name)
    {
        var stream = typeof(ReferenceFiles).Assembly.GetManifestResourceStream("Shian.Reference." + name)
            ?? throw new InvalidOperationException($"Embedded reference file {name} is missing from the build.");
        return new StreamReader(stream);
    }

    /// <summary>Reads every row of an embedded CSV as a dictionary of column → trimmed value.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRows(string name)
    {
        using var reader = Open(name);
        return ReadRows(reader);
    }

    /// <summary>
    /// Reads a CSV with a header row into dictionaries of column → trimmed value; the key <c>#line</c> holds the
    /// row's line number in the file, for error messages.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRows(TextReader reader)
    {
        var options = new CsvReaderOptions { HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true, SkipEmptyLines = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal) { [LineKey] = csv.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            for (var i = 0; i < csv.Headers.Count; i++)
            {
                row[csv.Headers[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Key of the line number in rows from <see cref="ReadRows(TextReader)"/>.</summary>
    public const string LineKey = "#line";

    internal static Assembly Assembly => typeof(ReferenceFiles).Assembly;
}
