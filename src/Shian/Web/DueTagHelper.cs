using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Shian.Kernel.Calendar;

namespace Shian.Web;

/// <summary>
/// A statutory due date as shown: <c>&lt;due value="@date" /&gt;</c> (table style, or <c>prose</c>), followed by
/// "节假日安排未公布，暂按周一至周五计算" when the date lies in a year whose holiday notice is not loaded — the working-day
/// count that produced it is provisional until the notice is imported, which recomputes the open deadlines (issue #14).
/// </summary>
[HtmlTargetElement("due", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DueTagHelper(WorkingDayCalendarProvider calendar, IStringLocalizer<SharedResource> t) : TagHelper
{
    public DateOnly? Value { get; set; }

    public bool Prose { get; set; }

    /// <summary>A calendar-day limit: never provisional.</summary>
    public bool Plain { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (Value is not DateOnly date)
        {
            output.SuppressOutput();
            return;
        }

        output.Content.SetContent(Prose ? Display.DateProse(date) : Display.DateTable(date));
        if (!Plain && !calendar.Current.Covers(date))
        {
            output.Content.AppendHtml("<span class=\"provisional small\" data-provisional>（");
            output.Content.Append(t["Calendar.Provisional"]);
            output.Content.AppendHtml("）</span>");
        }
    }
}
