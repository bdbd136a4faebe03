using Trellis.Core.Rounds;

namespace Trellis.Web.Pages.Committee;

/// <summary>The fields of the add and edit narrative section pages; the service checks them.</summary>
public sealed class NarrativeForm
{
    public string? Heading { get; set; }
    public string? Body { get; set; }

    public NarrativeInput ToInput() => new(Heading, Body);
}

/// <summary>The fields of the add and edit self-assessment row pages.</summary>
public sealed class SelfAssessmentForm
{
    public string? AreaForImprovement { get; set; }
    public string? WhatWeHaveDone { get; set; }
    public string? ImpactOnPractice { get; set; }

    public SelfAssessmentInput ToInput() => new(AreaForImprovement, WhatWeHaveDone, ImpactOnPractice);
}

/// <summary>The fields of the add and edit improvement log entry pages.</summary>
public sealed class ImprovementLogForm
{
    public string? WhatWeHaveDone { get; set; }
    public string? Why { get; set; }
    public string? When { get; set; }

    public ImprovementLogInput ToInput() => new(WhatWeHaveDone, Why, When);
}
