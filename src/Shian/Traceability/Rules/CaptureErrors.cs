using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Shian.Traceability.Rules;

/// <summary>
/// For <c>GS1-Capture-Error-Behaviour: proceed</c> (EPCIS 2.0 REST binding): the document without its failed events,
/// checked again, and every error naming the event by its place in the document <em>as sent</em> — the second pass
/// sees a shorter list, so its positions are mapped back.
/// </summary>
public static partial class CaptureErrors
{
    [GeneratedRegex(@"/eventList/(\d+)")]
    private static partial Regex PathIndex();

    [GeneratedRegex(@"第 (\d+) 个事件")]
    private static partial Regex MessageIndex();

    /// <summary>The error with its event's position (in the index, the field's path and the message) as in the document sent.</summary>
    public static EpcisError AsSent(EpcisError error, IReadOnlyList<int> positions)
    {
        if (error.EventIndex is not { } index || index >= positions.Count || positions[index] == index)
        {
            return error;
        }

        var sent = positions[index];
        var field = PathIndex().Replace(error.Field, m => "/eventList/" + sent.ToString(CultureInfo.InvariantCulture), 1);
        var message = MessageIndex().Replace(error.Message, m => $"第 {(sent + 1).ToString(CultureInfo.InvariantCulture)} 个事件", 1);
        return error with { EventIndex = sent, Field = field, Message = message };
    }

    /// <summary>A copy of the document without the events at <paramref name="failed"/> (positions in this document), and the remaining events' positions as sent.</summary>
    public static (JsonObject Document, List<int> Positions) Without(JsonObject document, IReadOnlyList<int> positions, IReadOnlySet<int> failed)
    {
        var copy = document.DeepClone().AsObject();
        var list = copy["epcisBody"]!["eventList"]!.AsArray();
        var kept = new List<int>();
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (failed.Contains(i))
            {
                list.RemoveAt(i);
            }
        }

        for (var i = 0; i < positions.Count; i++)
        {
            if (!failed.Contains(i))
            {
                kept.Add(positions[i]);
            }
        }

        return (copy, kept);
    }
}
