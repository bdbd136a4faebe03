namespace Trellis.Indicators.Tests.AnnexA;

/// <summary>The engine against hand-computed oracle files (STYLE habit 6).</summary>
public class FixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_figures_hold(string file)
    {
        var fixture = Fixture.Load(Path.Combine(Folder, file));
        Assert.True(fixture.ExpectationCount > 0, $"{file} expects nothing");
        var failures = fixture.Check();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_indicator_has_a_hand_computed_fixture()
    {
        var covered = Directory.GetFiles(Folder, "*.txt").SelectMany(f => Fixture.Load(f).IndicatorIds).ToHashSet();
        Assert.Equal(Enumerable.Range(1, 25), covered.Order());
    }
}
