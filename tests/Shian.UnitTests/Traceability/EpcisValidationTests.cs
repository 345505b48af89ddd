using System.Text.Json;
using Shian.Traceability.Rules;

namespace Shian.UnitTests.Traceability;

/// <summary>
/// Capture validation against the OpenEPCIS test resources (openepcis/openepcis-test-resources, 2.0/EPCIS/JSON/Capture,
/// copied to data/epcis/openepcis) and the GS1 standard's own JSON examples: every valid document accepted, every
/// document in <c>Invalid/</c> refused with the event and field named.
/// </summary>
public sealed class EpcisValidationTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Epcis");

    private static TheoryData<string> Files(string dir, string pattern) =>
        [.. Directory.GetFiles(Path.Combine(Root, dir), pattern).Select(f => Path.GetRelativePath(Root, f)).Order()];

    public static TheoryData<string> ValidDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var f in Files("openepcis/JSON/Capture/Documents", "*.json").Concat(Files("gs1/examples-json", "*.jsonld")))
        {
            data.Add(f);
        }

        return data;
    }

    public static TheoryData<string> InvalidDocuments() => Files("openepcis/JSON/Capture/Invalid", "*.json");

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void ValidDocument_IsAccepted(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, file)));
        if (json.RootElement.GetProperty("type").GetString() == "EPCISQueryDocument")
        {
            return; // a query result document is not a capture document
        }

        var errors = EpcisValidation.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Field}: {e.Message} / {e.MessageEn}")));
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void InvalidDocument_IsRefused_NamingTheField(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, file)));
        var errors = EpcisValidation.Validate(json);
        Assert.NotEmpty(errors);
        Assert.All(errors, e =>
        {
            Assert.StartsWith("/", e.Field, StringComparison.Ordinal);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message);
        });
    }

    [Fact]
    public void ANonStandardBizStep_InTheSecondEvent_IsNamedWithItsIndex()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "openepcis/JSON/Capture/Invalid/ObjectEvent_with_non_standard_bizStep_in_second_event.json")));
        var error = Assert.Single(EpcisValidation.Validate(json));
        Assert.Equal(1, error.EventIndex);
        Assert.Equal("/epcisBody/eventList/1/bizStep", error.Field);
        Assert.Contains("第 2 个事件", error.Message, StringComparison.Ordinal);
    }
}
