namespace Trellis.Core.Plans;

/// <summary>A heading that groups areas ("A. Early Help and Protection").</summary>
public class Theme
{
    public const int KeyMaxLength = 20;
    public const int TitleMaxLength = 300;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public string Key { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public int SortOrder { get; set; }
    public List<Area> Areas { get; set; } = [];
}
