using Shian.Complaints.Domain;
using Shian.Data;

namespace Shian.Complaints;

/// <summary>Adds a line to a complaint's history in the caller's unit of work (the one place a history line is built).</summary>
internal static class ComplaintHistory
{
    public static void AddHistory(this ShianDb db, Complaint c, DateTime atUtc, ComplaintEntryKind kind, string text, bool isPublic, string? author) =>
        db.AddHistory(c.Id, c.RegionCode, atUtc, kind, text, isPublic, author);

    /// <summary>A line for a complaint the caller may not read (the respondent business answering from 我的企业).</summary>
    public static void AddHistory(this ShianDb db, Guid complaintId, string regionCode, DateTime atUtc, ComplaintEntryKind kind, string text, bool isPublic, string? author) =>
        db.ComplaintEntries.Add(new ComplaintEntry { ComplaintId = complaintId, RegionCode = regionCode, AtUtc = atUtc, Kind = kind, Author = author, Text = text, Public = isPublic });
}
