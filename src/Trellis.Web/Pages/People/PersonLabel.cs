namespace Trellis.Web.Pages.People;

public static class PersonLabel
{
    /// <summary>What to call a person in a link or heading: imported people may lack a name.</summary>
    public static string Of(string? name, string? initials, string? jobTitle) =>
        name ?? initials ?? jobTitle ?? "Unnamed person";
}
