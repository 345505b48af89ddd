using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Surveys.Domain;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Surveys;

internal static class SurveysTables
{
    extension(ShianDb db)
    {
        public DbSet<Survey> Surveys => db.Set<Survey>();

        public DbSet<SurveyInvitation> SurveyInvitations => db.Set<SurveyInvitation>();

        public DbSet<SurveyResponse> SurveyResponses => db.Set<SurveyResponse>();
    }
}
