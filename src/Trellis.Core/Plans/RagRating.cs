namespace Trellis.Core.Plans;

public enum RagScale
{
    Progress,
    Impact,
}

/// <summary>The colour of the tag that shows a rating; the text always says the rating too.</summary>
public enum RagColour
{
    Red,
    Amber,
    Green,
    Blue,
    Grey,
}

/// <summary>One rating on a plan's own scale, in the plan's own words.</summary>
public class RagRating
{
    public const int CodeMaxLength = 10;
    public const int LabelMaxLength = 50;
    public const int MeaningMaxLength = 500;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public RagScale Scale { get; set; }
    public string Code { get; set; } = string.Empty;
    public string Label { get; set; } = string.Empty;
    public string? Meaning { get; set; }

    /// <summary>A rating that means "done" (Blue in many plans).</summary>
    public bool IsComplete { get; set; }

    public RagColour Colour { get; set; }
    public int SortOrder { get; set; }

    public static RagColour ColourFor(string code, string label)
    {
        var key = (label.Length > 0 ? label : code).Trim().ToUpperInvariant();
        return key switch
        {
            _ when key.StartsWith("RED", StringComparison.Ordinal) || key == "R" => RagColour.Red,
            _ when key.StartsWith("AMBER", StringComparison.Ordinal) || key == "A" => RagColour.Amber,
            _ when key.StartsWith("GREEN", StringComparison.Ordinal) || key == "G" => RagColour.Green,
            _ when key.StartsWith("BLUE", StringComparison.Ordinal) || key == "B" => RagColour.Blue,
            _ => RagColour.Grey,
        };
    }

    /// <summary>The scale most plans use, for a new plan to start from.</summary>
    public static List<RagRating> DefaultScale(RagScale scale) => scale == RagScale.Progress
        ?
        [
            new() { Scale = scale, Code = "R", Label = "Red", Meaning = "Significant delay that warrants attention", Colour = RagColour.Red, SortOrder = 0 },
            new() { Scale = scale, Code = "A", Label = "Amber", Meaning = "Some delay or some risk to completing on time", Colour = RagColour.Amber, SortOrder = 1 },
            new() { Scale = scale, Code = "G", Label = "Green", Meaning = "On track, or completed", Colour = RagColour.Green, SortOrder = 2 },
            new() { Scale = scale, Code = "B", Label = "Blue", Meaning = "Completed, no further action", Colour = RagColour.Blue, IsComplete = true, SortOrder = 3 },
        ]
        :
        [
            new() { Scale = scale, Code = "R", Label = "Red", Meaning = "No evidence of impact when expected", Colour = RagColour.Red, SortOrder = 0 },
            new() { Scale = scale, Code = "A", Label = "Amber", Meaning = "Some evidence of impact, or a mixed picture", Colour = RagColour.Amber, SortOrder = 1 },
            new() { Scale = scale, Code = "G", Label = "Green", Meaning = "Having the impact we expected", Colour = RagColour.Green, SortOrder = 2 },
        ];
}
