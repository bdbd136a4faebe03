using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Core.Dates;

namespace Trellis.Web.Infrastructure;

/// <summary>What every page model shares: re-rendering with 400 on errors, and reading typed-in dates.</summary>
public abstract class TrellisPageModel : PageModel
{
    /// <summary>The same page again, with the error summary, answering 400.</summary>
    protected PageResult PageWithErrors()
    {
        var result = Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }

    /// <summary>Reads an exact date typed as text ("1 April 2026", "01/04/2026"); adds a field error when it is not one.</summary>
    protected DateOnly? ReadExactDate(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        var reading = DueDateReader.Read(text);
        if (reading.Precision == DuePrecision.Day && reading.Date is { } date && reading.Warnings.Count == 0)
        {
            return date;
        }

        ModelState.AddModelError(field, $"{label} must be a real date, for example 1 April 2026");
        return null;
    }

    protected static string? FormatDate(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>One item per line, as typed in a textarea.</summary>
    protected static List<string> Lines(string? text) =>
        [.. (text ?? string.Empty).Split('\n').Select(l => l.Trim().TrimStart('-', '•', '*').Trim()).Where(l => l.Length > 0)];

    protected static string JoinLines(IEnumerable<string> items) => string.Join('\n', items);
}
