using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Trellis.Core.Interchange;

/// <summary>
/// Checks a JSON tree against the shape of the interchange records, found by reflection so the records stay the
/// one description of the format: every unknown field, wrong type, missing required field, null where a value is
/// required, bad date and repeated field becomes a problem with its path. It also builds a copy that is safe to
/// deserialize: bad values are left out and missing required ones get placeholders, so later rules can still run.
/// </summary>
internal sealed partial class JsonShapeWalker
{
    private static readonly ConcurrentDictionary<Type, RecordShape> Shapes = new();

    public List<InterchangeProblem> Problems { get; } = [];

    public JsonNode Walk(JsonElement root, Type type) => Value(root, type, "$") ?? Placeholder(type);

    /// <summary>Whether a problem was already reported at this path or inside a value it replaced.</summary>
    public bool Reported(string path) => Problems.Exists(p =>
        path == p.Path
        || (path.StartsWith(p.Path, StringComparison.Ordinal) && path.Length > p.Path.Length && path[p.Path.Length] is '.' or '['));

    /// <summary>The JSON property name of each member of a record, in declaration order.</summary>
    internal static RecordShape ShapeOf(Type type) => Shapes.GetOrAdd(type, RecordShape.Create);

    /// <summary>The value as it may be deserialized, or null (with a problem reported) when it cannot be.</summary>
    private JsonNode? Value(JsonElement element, Type type, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return element.ValueKind == JsonValueKind.String ? JsonValue.Create(element.GetString()) : Wrong(path, "text", element);
        }

        if (type == typeof(int))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var whole) ? JsonValue.Create(whole) : Wrong(path, "a whole number", element);
        }

        if (type == typeof(decimal))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number) ? JsonValue.Create(number) : Wrong(path, "a number", element);
        }

        if (type == typeof(bool))
        {
            return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? JsonValue.Create(element.GetBoolean()) : Wrong(path, "true or false", element);
        }

        if (type == typeof(DateOnly))
        {
            return DateValue(element, path);
        }

        if (type == typeof(DateTimeOffset))
        {
            return MomentValue(element, path);
        }

        if (ListItemType(type) is { } itemType)
        {
            return element.ValueKind == JsonValueKind.Array ? ListValue(element, itemType, path) : Wrong(path, "a list", element);
        }

        return element.ValueKind == JsonValueKind.Object ? ObjectValue(element, type, path) : Wrong(path, "an object", element);
    }

    private JsonNode? DateValue(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return Wrong(path, "a date written yyyy-MM-dd", element);
        }

        var text = element.GetString()!;
        if (!IsoDate().IsMatch(text) || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Report(path, $"'{text}' is not a date written yyyy-MM-dd, for example 2016-03-31");
            return null;
        }

        return JsonValue.Create(text);
    }

    /// <summary>A moment with its offset from UTC, so it means the same wherever it is read.</summary>
    private JsonNode? MomentValue(JsonElement element, string path)
    {
        const string Example = "written yyyy-MM-ddTHH:mm:ss with Z or an offset, for example 2016-04-05T09:30:00+01:00";
        if (element.ValueKind != JsonValueKind.String)
        {
            return Wrong(path, "a date and time " + Example, element);
        }

        var text = element.GetString()!;
        if (!IsoMoment().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Report(path, $"'{text}' is not a date and time {Example}");
            return null;
        }

        return JsonValue.Create(text);
    }

    private JsonArray ListValue(JsonElement element, Type itemType, string path)
    {
        var list = new JsonArray();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
            JsonNode? value;
            if (item.ValueKind == JsonValueKind.Null)
            {
                Report(itemPath, "a list item cannot be null");
                value = null;
            }
            else
            {
                value = Value(item, itemType, itemPath);
            }

            // A placeholder keeps the items after it at the index the author sees.
            list.Add(value ?? Placeholder(itemType));
        }

        return list;
    }

    private JsonObject ObjectValue(JsonElement element, Type type, string path)
    {
        var shape = ShapeOf(type);
        var result = new JsonObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = Child(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Report(propertyPath, $"'{property.Name}' appears more than once");
                continue;
            }

            if (shape.Find(property.Name) is not { } member)
            {
                Report(propertyPath, UnknownField(shape, property.Name));
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                // null stands for "absent", which a required field cannot be.
                if (member.Required)
                {
                    Report(propertyPath, $"'{member.Name}' is required and cannot be null");
                }

                continue;
            }

            if (Value(property.Value, member.Type, propertyPath) is { } value)
            {
                result[member.Name] = value;
            }
        }

        foreach (var member in shape.Members.Where(m => m.Required && !result.ContainsKey(m.Name)))
        {
            if (!seen.Contains(member.Name))
            {
                Report(Child(path, member.Name), $"'{member.Name}' is required in {shape.Noun}");
            }

            result[member.Name] = Placeholder(member.Type);
        }

        return result;
    }

    private static string UnknownField(RecordShape shape, string name)
    {
        var sameButCase = shape.Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        return sameButCase is not null
            ? $"unknown field '{name}'; field names are camelCase: did you mean '{sameButCase.Name}'?"
            : $"unknown field '{name}'; the fields of {shape.Noun} are {string.Join(", ", shape.Members.Select(m => m.Name))}";
    }

    /// <summary>A value of the type that deserializes and that no rule complains about on its own.</summary>
    private static JsonNode Placeholder(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return JsonValue.Create(string.Empty);
        }

        if (type == typeof(int) || type == typeof(decimal))
        {
            return JsonValue.Create(0);
        }

        if (type == typeof(bool))
        {
            return JsonValue.Create(false);
        }

        if (type == typeof(DateOnly))
        {
            return JsonValue.Create("2000-01-01");
        }

        if (type == typeof(DateTimeOffset))
        {
            return JsonValue.Create("2000-01-01T00:00:00Z");
        }

        if (ListItemType(type) is not null)
        {
            return new JsonArray();
        }

        var placeholder = new JsonObject();
        foreach (var member in ShapeOf(type).Members.Where(m => m.Required))
        {
            placeholder[member.Name] = Placeholder(member.Type);
        }

        return placeholder;
    }

    private JsonNode? Wrong(string path, string expected, JsonElement found)
    {
        Report(path, $"expected {expected}, found {Describe(found)}");
        return null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"text \"{Shorten(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private void Report(string path, string message) => Problems.Add(new InterchangeProblem(path, message));

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>$.areas, or $['odd name'] for a name that is not a plain identifier.</summary>
    private static string Child(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoMoment();

    internal sealed record Member(string Name, Type Type, bool Required);

    /// <summary>A record's JSON fields: camelCase names, types, and which must be present.</summary>
    internal sealed record RecordShape(string Noun, IReadOnlyList<Member> Members)
    {
        public Member? Find(string name) => Members.FirstOrDefault(m => m.Name == name);

        public static RecordShape Create(Type type)
        {
            var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .OrderBy(p => p.MetadataToken)
                .Select(p => new Member(
                    p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    p.PropertyType,
                    p.IsDefined(typeof(RequiredMemberAttribute)) || p.IsDefined(typeof(JsonRequiredAttribute))))
                .ToList();
            return new RecordShape(NounFor(type), members);
        }

        /// <summary>"an action", "the plan": how messages name an object ("the fields of an action are ...").</summary>
        private static string NounFor(Type type) => type.Name switch
        {
            nameof(PlanDocument) => "a plan document",
            nameof(OrganisationDoc) => "the organisation",
            nameof(PlanDoc) => "the plan",
            nameof(InspectionDoc) => "the inspection",
            nameof(RagScalesDoc) => "the rating scales",
            nameof(RagRatingDoc) => "a rating",
            nameof(DueDoc) => "a due date",
            nameof(MonitoringDoc) => "a monitoring entry",
            nameof(IndicatorValueDoc) => "an indicator value",
            nameof(DatedTargetDoc) => "a dated target",
            nameof(RevisionDoc) => "an earlier value",
            _ when type.Name.EndsWith("Doc", StringComparison.Ordinal) => ("AEIOU".Contains(type.Name[0], StringComparison.Ordinal) ? "an " : "a ") + type.Name[..^3].ToLowerInvariant(),
            _ => type.Name,
        };
    }
}
