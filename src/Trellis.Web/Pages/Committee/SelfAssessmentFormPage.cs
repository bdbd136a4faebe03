using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee;

/// <summary>Shared by the add and edit self-assessment row pages.</summary>
public abstract class SelfAssessmentFormPage(TrellisDbContext db, CurrentOrganisation organisation) : RoundContentPage(db, organisation)
{
    [BindProperty]
    public SelfAssessmentForm Form { get; set; } = new();

    public string ListUrl => $"/rounds/{RoundId}/self-assessment";
}
