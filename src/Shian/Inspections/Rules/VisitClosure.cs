using Shian.Inspections.Domain;

namespace Shian.Inspections.Rules;

/// <summary>
/// Which planned visits an inspection of a business carries out (usability finding 11): the one it was started from,
/// and every other open visit of that business — a 双随机 draw's or a plan's — whose window holds the inspection day,
/// so one inspection is not asked for twice. A 复查 visit closes only when the inspection was started from it: it
/// judges a rectification and is not replaced by a routine visit.
/// </summary>
public static class VisitClosure
{
    public static bool IsCarriedOutBy(PlannedVisit visit, Guid? startedFrom, DateOnly inspectedOn)
    {
        if (visit.Status != VisitStatus.Planned)
        {
            return false;
        }

        if (visit.Id == startedFrom)
        {
            return true;
        }

        return visit.FollowsRecordId is null
            && (visit.DueFrom is not DateOnly from || from <= inspectedOn)
            && (visit.DueBy is not DateOnly by || inspectedOn <= by);
    }
}
