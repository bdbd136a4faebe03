namespace Trellis.Core.People;

/// <summary>Someone who leads areas or owns actions: a row of a plan's key-leads table.</summary>
public class Person
{
    public const int InitialsMaxLength = 10;
    public const int NameMaxLength = 200;
    public const int JobTitleMaxLength = 300;
    public const int AgencyMaxLength = 200;
    public const int EmailMaxLength = 254;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public string? Initials { get; set; }
    public string? Name { get; set; }
    public string? JobTitle { get; set; }

    /// <summary>The body they work for when it is not the council ("Metropolitan Police").</summary>
    public string? Agency { get; set; }

    public string? Email { get; set; }
    public List<string> Warnings { get; set; } = [];

    public string DisplayName => Name ?? JobTitle ?? Initials ?? "(unnamed)";
}
