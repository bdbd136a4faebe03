using System.Net.Mail;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Trellis.Core.People;

namespace Trellis.Web.Pages.People;

/// <summary>The fields of the add and edit person pages.</summary>
public sealed class PersonForm
{
    public string? Initials { get; set; }
    public string? Name { get; set; }
    public string? JobTitle { get; set; }
    public string? Agency { get; set; }
    public string? Email { get; set; }

    public static PersonForm From(Person person) => new()
    {
        Initials = person.Initials,
        Name = person.Name,
        JobTitle = person.JobTitle,
        Agency = person.Agency,
        Email = person.Email,
    };

    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Initials) && string.IsNullOrWhiteSpace(Name))
        {
            state.AddModelError($"{prefix}.{nameof(Initials)}", "Enter the person's initials or name");
        }

        Limit(state, $"{prefix}.{nameof(Initials)}", Initials, Person.InitialsMaxLength, "Initials");
        Limit(state, $"{prefix}.{nameof(Name)}", Name, Person.NameMaxLength, "The name");
        Limit(state, $"{prefix}.{nameof(JobTitle)}", JobTitle, Person.JobTitleMaxLength, "The job title");
        Limit(state, $"{prefix}.{nameof(Agency)}", Agency, Person.AgencyMaxLength, "The agency");
        if (!string.IsNullOrWhiteSpace(Email))
        {
            var email = Email.Trim();
            if (email.Length > Person.EmailMaxLength)
            {
                state.AddModelError($"{prefix}.{nameof(Email)}", $"The email address must be {Person.EmailMaxLength} characters or fewer");
            }
            else if (!MailAddress.TryCreate(email, out var address) || !string.Equals(address.Address, email, StringComparison.Ordinal))
            {
                state.AddModelError($"{prefix}.{nameof(Email)}", "Enter an email address in the correct format, like name@example.com");
            }
        }
    }

    public PersonInput ToInput() => new(Initials, Name, JobTitle, Agency, Email);

    private static void Limit(ModelStateDictionary state, string key, string? value, int max, string label)
    {
        if (value?.Trim().Length > max)
        {
            state.AddModelError(key, $"{label} must be {max} characters or fewer");
        }
    }
}
