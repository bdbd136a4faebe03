using System.Globalization;

namespace Trellis.Core.Dates;

/// <summary>Dates as people read them in plans, pages and reports: "9 October 2026".</summary>
public static class DateText
{
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
