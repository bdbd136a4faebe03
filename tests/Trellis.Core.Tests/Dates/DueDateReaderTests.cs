using Trellis.Core.Dates;

namespace Trellis.Core.Tests.Dates;

public class DueDateReaderTests
{
    [Fact]
    public void Read_Empty_IsNone()
    {
        var reading = DueDateReader.Read("  ");
        Assert.Equal(DuePrecision.None, reading.Precision);
        Assert.Null(reading.Date);
    }
}
