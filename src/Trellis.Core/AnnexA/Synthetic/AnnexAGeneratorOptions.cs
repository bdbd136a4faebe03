using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Synthetic;

/// <summary>How far generated files stray from Ofsted's template.</summary>
public enum AnnexADrift
{
    /// <summary>The template's sheet names, headers, date cells and prefixed codes.</summary>
    None,

    /// <summary>
    /// What councils' own extracts look like: renamed sheets, respelt headers, extra columns, dates as
    /// serial numbers or text, codes without their "a)" prefixes, a title row, blank rows, a few
    /// duplicate rows and unreadable values.
    /// </summary>
    Typical,
}

public sealed record AnnexAGeneratorOptions
{
    /// <summary>Children simulated. Not every child reaches the lists: some were only active before the file's months.</summary>
    public int Children { get; init; } = 1_000;

    /// <summary>The months the flow lists cover (Annex A: 6); adoption lists always cover 12.</summary>
    public int Months { get; init; } = 6;

    public int Seed { get; init; } = 1;

    /// <summary>The extract date: the last day the lists cover.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2025, 3, 31);

    public AnnexADrift Drift { get; init; } = AnnexADrift.None;
}

/// <summary>Receives generated rows, cells aligned with <see cref="AnnexAColumns.For"/> (before drift).</summary>
public interface IAnnexASyntheticSink
{
    /// <summary>
    /// One row. Cells are <see cref="DateOnly"/>, <see cref="int"/>, <see cref="double"/> (a
    /// spreadsheet number), <see cref="string"/> or null (blank).
    /// </summary>
    void Row(AnnexAList list, object?[] cells);
}
