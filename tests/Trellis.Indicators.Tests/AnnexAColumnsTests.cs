using Trellis.Indicators.AnnexA;
using Trellis.Testing;

namespace Trellis.Indicators.Tests;

public class AnnexAColumnsTests
{
    [Fact]
    public void Every_list_of_children_starts_with_the_child_id()
    {
        foreach (var list in AnnexALists.All.Where(l => l != AnnexAList.Adopters))
        {
            Assert.Equal("Child Unique ID", AnnexAColumns.For(list)[0]);
        }
    }

    [SharedDataFact]
    public void The_catalogue_has_as_many_columns_per_list_as_the_research_file()
    {
        var file = SharedData.Path("annexa", "annexa_columns.csv");
        var expected = File.ReadLines(file).Skip(1).Select(l => l.Split(',')[0]).GroupBy(n => n).ToDictionary(g => int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture), g => g.Count());
        foreach (var list in AnnexALists.All)
        {
            Assert.Equal(expected[(int)list], AnnexAColumns.For(list).Count);
        }
    }
}
