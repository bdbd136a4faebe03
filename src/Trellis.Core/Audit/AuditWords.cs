using System.Globalization;
using System.Text;
using System.Text.Json;
using Trellis.Core.Dates;

namespace Trellis.Core.Audit;

/// <summary>An audit record in words for the history pages: field labels rather than column names, dates as "3 March 2026".</summary>
public static class AuditWords
{
    public const string Blank = "(blank)";

    private static readonly Dictionary<string, string> EntityLabels = new(StringComparer.Ordinal)
    {
        ["PlanAction"] = "Action",
        ["ActionOwner"] = "Action owner",
        ["AreaLead"] = "Area lead",
        ["PlanPerson"] = "Key lead",
        ["RagRating"] = "RAG rating",
        ["IndicatorValue"] = "Indicator value",
        ["IndicatorValueRevision"] = "Correction to an indicator value",
        ["MonitoringEntry"] = "Monitoring entry",
        ["ActionUpdate"] = "Action update",
        ["RoundNarrative"] = "Narrative section",
        ["SelfAssessmentEntry"] = "Self-assessment row",
        ["ImprovementLogEntry"] = "Improvement log entry",
        ["PlanImportRecord"] = "Plan import",
        ["ImportLayout"] = "Remembered column layout",
    };

    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["PlanAction.Text"] = "Action",
        ["Milestone.Text"] = "Milestone",
        ["Area.Title"] = "Area for improvement",
        ["Due.Text"] = "Due",
        ["Due.Date"] = "Due date",
        ["Due.Precision"] = "Due date precision",
        ["RagCode"] = "RAG rating",
        ["SuggestedRagCode"] = "Suggested RAG rating",
        ["RagReason"] = "Reason for the RAG rating",
        ["Ref"] = "Reference",
        ["SortOrder"] = "Position",
        ["TargetText"] = "Target",
        ["ProgressRag"] = "Progress rating",
        ["ImpactRag"] = "Impact rating",
        ["ThemeId"] = "Theme",
        ["PersonId"] = "Person",
        ["OwnerId"] = "Owner",
        ["Outcomes"] = "Expected outcomes",
        ["UpdatedBy"] = "Updated by",
    };

    private static readonly string[] NameFields = ["Ref", "Number", "Key", "Name", "Title", "Period", "Text", "Heading"];

    public static string Entity(string entityType) => EntityLabels.TryGetValue(entityType, out var label) ? label : Sentence(entityType);

    public static string Field(string entityType, string property) =>
        FieldLabels.TryGetValue(entityType + "." + property, out var specific) ? specific
        : FieldLabels.TryGetValue(property, out var label) ? label
        : Sentence(property.Replace('.', ' '));

    public static string Operation(AuditOperation operation) => operation switch
    {
        AuditOperation.Created => "Added",
        AuditOperation.Deleted => "Deleted",
        _ => "Changed",
    };

    public static AuditEntry Describe(AuditRecord record)
    {
        using var before = record.Before is null ? null : JsonDocument.Parse(record.Before);
        using var after = record.After is null ? null : JsonDocument.Parse(record.After);
        var values = (after ?? before)?.RootElement;
        var name = values is { } v ? NameFields.Select(f => v.TryGetProperty(f, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) : null;
        var what = name is null ? Entity(record.EntityType) : $"{Entity(record.EntityType)}: {Shorten(name)}";

        var changes = new List<AuditChange>();
        var properties = (after ?? before)?.RootElement.EnumerateObject().Select(p => p.Name).ToList() ?? [];
        foreach (var property in properties)
        {
            // Keys and foreign keys are numbers a reader cannot use; on an update they still show, as a change of link.
            if (record.Operation != AuditOperation.Updated && property.EndsWith("Id", StringComparison.Ordinal))
            {
                continue;
            }

            var from = before is not null && before.RootElement.TryGetProperty(property, out var b) ? Value(b) : Blank;
            var to = after is not null && after.RootElement.TryGetProperty(property, out var a) ? Value(a) : Blank;
            if (record.Operation != AuditOperation.Updated && (record.Operation == AuditOperation.Created ? to : from) == Blank)
            {
                continue;
            }

            changes.Add(new AuditChange(Field(record.EntityType, property), from, to));
        }

        return new AuditEntry(record.Sequence, record.At, record.ActorName, what, record.Operation, changes);
    }

    public static string When(DateTimeOffset at)
    {
        var uk = TimeZoneInfo.ConvertTime(at, UkZone);
        return uk.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);
    }

    private static readonly TimeZoneInfo UkZone = FindUkZone();

    private static TimeZoneInfo FindUkZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Blank,
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.String => Text(value.GetString()!),
        JsonValueKind.Array => value.GetArrayLength() == 0 ? Blank : string.Join("; ", value.EnumerateArray().Select(Value)),
        _ => value.GetRawText(),
    };

    private static string Text(string text)
    {
        if (text.Length == 0)
        {
            return Blank;
        }

        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DateText.Long(date);
        }

        if (text.Length > 10 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
        {
            return When(moment);
        }

        return text;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");

    /// <summary>"MeasuresOfSuccess" → "Measures of success".</summary>
    private static string Sentence(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && name[i - 1] != ' ')
            {
                words.Append(' ');
            }

            words.Append(i == 0 ? c : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
