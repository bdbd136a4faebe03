namespace Trellis.Core.Plans;

/// <summary>A council (or other body) that owns plans, people and indicators.</summary>
public class Organisation
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public bool IsDemo { get; set; }

    public List<Plan> Plans { get; set; } = [];
    public List<People.Person> People { get; set; } = [];
}
