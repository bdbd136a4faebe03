using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Data;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Committee;

/// <summary>Shared by the add and edit narrative section pages.</summary>
public abstract class NarrativeFormPage(TrellisDbContext db, CurrentOrganisation organisation) : RoundContentPage(db, organisation)
{
    [BindProperty]
    public NarrativeForm Form { get; set; } = new();

    public string ListUrl => $"/rounds/{RoundId}/narrative";
}
