using Microsoft.AspNetCore.Mvc;
using Trellis.Core.Data;
using Trellis.Core.People;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.People;

/// <summary>Shared by the add and edit person pages: the bound form, its checks and the service's input.</summary>
public abstract class PersonFormPage(TrellisDbContext db, CurrentOrganisation organisation) : TrellisPageModel
{
    [BindProperty]
    public PersonForm Form { get; set; } = new();

    /// <summary>Validates the form; the initials must be free in the key leads of each of <paramref name="planIds"/>.</summary>
    protected async Task<PersonInput?> ValidatedInputAsync(IReadOnlyCollection<int> planIds, int? personId, CancellationToken ct)
    {
        Form.Validate(ModelState, nameof(Form));
        var field = $"{nameof(Form)}.{nameof(PersonForm.Initials)}";
        var initialsValid = !ModelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0;
        if (initialsValid && await InitialsClash.FindAsync(db, organisation.Id, planIds, Form.Initials, personId, ct) is { } clash)
        {
            ModelState.AddModelError(field, $"Enter different initials: {clash.OtherPerson} already uses {clash.Initials} in the key leads of {clash.PlanTitle}");
        }

        return ModelState.IsValid ? Form.ToInput() : null;
    }
}
