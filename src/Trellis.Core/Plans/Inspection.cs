namespace Trellis.Core.Plans;

public enum Grade
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
    NotJudged,
}

/// <summary>The Ofsted inspection a plan answers.</summary>
public class Inspection
{
    public const int FrameworkMaxLength = 200;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public string? Framework { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public DateOnly? Published { get; set; }
    public List<Judgement> Judgements { get; set; } = [];
}

public class Judgement
{
    public const int AreaMaxLength = 500;
    public const int GradeTextMaxLength = 100;

    public int Id { get; set; }
    public int InspectionId { get; set; }

    /// <summary>The judgement area as written ("Children who need help and protection").</summary>
    public string Area { get; set; } = string.Empty;

    public Grade? Grade { get; set; }

    /// <summary>The grade as written where it differs from the five standard words.</summary>
    public string? GradeText { get; set; }

    public int SortOrder { get; set; }
}
