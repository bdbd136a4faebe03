using System.Globalization;
using Trellis.Core.AnnexA;
using Trellis.Core.AnnexA.Synthetic;
using Trellis.Indicators.AnnexA;

namespace Trellis.AnnexA.CrossCheck.Tests;

/// <summary>
/// Generated lists of several sizes, seeds, extract dates and windows: Trellis (CSV reader and
/// engine) and the DuckDB SQL must agree exactly on every indicator's N, D and value, and on
/// each team's.
/// </summary>
public sealed class EngineCrossCheckTests
{
    private const int Population = 250_000;

    public static TheoryData<int, int, string, string, int, string> Cases => new()
    {
        { 300, 1, "2025-03-31", "2025-03-31", 12, "none" },
        { 300, 2, "2025-03-31", "2025-03-31", 6, "none" },
        { 3_000, 3, "2024-12-27", "2024-12-27", 6, "none" },   // Christmas week: two bank holidays
        { 3_000, 4, "2025-04-22", "2025-04-22", 12, "none" },  // the day after Easter Monday
        { 3_000, 5, "2025-03-31", "2025-02-28", 6, "none" },   // R a month before the extract
        { 3_000, 6, "2025-03-31", "2025-03-31", 6, "typical" },
        { 15_000, 7, "2024-08-31", "2024-08-31", 6, "none" },  // S = 2024-02-29 by the month-end rule
        { 15_000, 8, "2024-02-29", "2024-02-29", 12, "typical" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EngineAndDuckDbAgree(int children, int seed, string extract, string reference, int window, string drift)
    {
        var folder = Path.Combine(Path.GetTempPath(), "trellis-annexa-cross", Guid.NewGuid().ToString("N"));
        try
        {
            AnnexASyntheticFiles.WriteCsvFolder(new AnnexAGeneratorOptions
            {
                Children = children,
                Seed = seed,
                Months = 6,
                ReferenceDate = DateOnly.Parse(extract, CultureInfo.InvariantCulture),
                Drift = drift == "typical" ? AnnexADrift.Typical : AnnexADrift.None,
            }, folder);
            var r = DateOnly.Parse(reference, CultureInfo.InvariantCulture);

            var builder = new AnnexADataBuilder();
            AnnexAReader.Read(folder, builder);
            var engine = AnnexAEngine.Compute(builder.Build(), new AnnexAOptions { ReferenceDate = r, WindowMonths = window, Population = Population });
            var duck = AnnexADuckDb.Compute(folder, r, window, Population);

            var mismatches = AnnexACrossCompare.Differences(engine, duck, Population);
            Assert.True(mismatches.Count == 0, $"{mismatches.Count} differences:\n{string.Join('\n', mismatches.Take(40))}");

            // Not vacuous: the lists reach most indicators.
            var empty = engine.Indicators.Where(i => i.Denominator == 0).Select(i => i.Id).ToList();
            Assert.True(empty.Count <= (children >= 3_000 ? 3 : 10), $"no rows for indicators {string.Join(", ", empty)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
