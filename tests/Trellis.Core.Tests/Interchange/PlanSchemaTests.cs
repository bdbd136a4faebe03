using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Trellis.Core.Interchange;

namespace Trellis.Core.Tests.Interchange;

/// <summary>
/// The JSON Schema in docs/interchange is written by hand for people and other programs; these tests hold it to the
/// records, so a field added to one and not the other fails the build.
/// </summary>
public sealed class PlanSchemaTests : IDisposable
{
    private readonly JsonDocument _schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Interchange", "plan-interchange.schema.json")));

    /// <summary>The properties whose values are words, and the words the reader accepts.</summary>
    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> Words = new()
    {
        [(typeof(PlanDoc), "status")] = InterchangeWords.PlanStatus.Words,
        [(typeof(PlanDoc), "monitoringCadence")] = InterchangeWords.Cadence.Words,
        [(typeof(SourceDoc), "kind")] = InterchangeWords.SourceKind.Words,
        [(typeof(DueDoc), "precision")] = InterchangeWords.Precision.Words,
        [(typeof(ActionDoc), "status")] = InterchangeWords.ActionStatus.Words,
        [(typeof(MilestoneDoc), "status")] = InterchangeWords.ActionStatus.Words,
        [(typeof(IndicatorDoc), "unit")] = InterchangeWords.Unit.Words,
        [(typeof(IndicatorDoc), "polarity")] = InterchangeWords.Polarity.Words,
        [(typeof(IndicatorDoc), "frequency")] = InterchangeWords.Frequency.Words,
        [(typeof(IndicatorDoc), "yearBasis")] = InterchangeWords.YearBasis.Words,
        [(typeof(ToleranceDoc), "kind")] = InterchangeWords.ToleranceKind.Words,
    };

    public static TheoryData<string> RecordTypes => [.. Records().Select(t => t.Name)];

    public void Dispose() => _schema.Dispose();

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void EveryRecord_HasADefinitionWithTheSameFieldsAndRequiredFields(string typeName)
    {
        var type = Records().Single(t => t.Name == typeName);
        var definition = DefinitionFor(type);

        Assert.False(definition.GetProperty("additionalProperties").GetBoolean());
        var fields = Fields(type);
        Assert.Equal(fields.Select(f => f.Name).Order(StringComparer.Ordinal), definition.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var required = definition.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!) : [];
        Assert.Equal(fields.Where(f => f.Required).Select(f => f.Name).Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void EveryField_HasTheTypeOfItsProperty(string typeName)
    {
        var type = Records().Single(t => t.Name == typeName);
        var properties = DefinitionFor(type).GetProperty("properties");

        foreach (var field in Fields(type))
        {
            var expected = Words.TryGetValue((type, field.Name), out var words)
                ? "enum " + string.Join(",", words)
                : KindOf(field.Type);
            Assert.True(expected == KindIn(properties.GetProperty(field.Name)), $"{type.Name}.{field.Name}: expected {expected}, schema says {KindIn(properties.GetProperty(field.Name))}");
        }
    }

    [Fact]
    public void FormatAndVersion_AreTheOnesThisTrellisWrites()
    {
        var properties = _schema.RootElement.GetProperty("properties");
        Assert.Equal(PlanDocument.FormatName, properties.GetProperty("format").GetProperty("const").GetString());
        Assert.Equal(PlanDocument.CurrentVersion, properties.GetProperty("version").GetProperty("maximum").GetInt32());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", _schema.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void EveryObjectInTheSchema_RefusesUnknownFields()
    {
        var open = new List<string>();
        Visit(_schema.RootElement, "$", open);
        Assert.Empty(open);
    }

    private static void Visit(JsonElement element, string path, List<string> open)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("properties", out _) && !(element.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False))
            {
                // An if/then/else branch only narrows fields its object already has.
                if (!path.EndsWith(".if", StringComparison.Ordinal) && !path.EndsWith(".then", StringComparison.Ordinal) && !path.EndsWith(".else", StringComparison.Ordinal))
                {
                    open.Add(path);
                }
            }

            foreach (var property in element.EnumerateObject())
            {
                Visit(property.Value, $"{path}.{property.Name}", open);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, $"{path}[{i++}]", open);
            }
        }
    }

    private JsonElement DefinitionFor(Type type) =>
        type == typeof(PlanDocument) ? _schema.RootElement : _schema.RootElement.GetProperty("$defs").GetProperty(DefinitionName(type));

    /// <summary>ActionDoc is #/$defs/action, IndicatorValueDoc is #/$defs/indicatorValue.</summary>
    private static string DefinitionName(Type type) => JsonNamingPolicy.CamelCase.ConvertName(type.Name[..^"Doc".Length]);

    /// <summary>What a property of this type looks like in the schema, in a few words.</summary>
    private static string KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return "array of " + KindOf(type.GetGenericArguments()[0]);
        }

        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(int) => "integer",
            _ when type == typeof(decimal) => "number",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(DateOnly) => "ref date",
            _ when type == typeof(DateTimeOffset) => "ref dateTime",
            _ => "ref " + DefinitionName(type),
        };
    }

    /// <summary>The same few words for a property's schema, looking through "or null".</summary>
    private static string KindIn(JsonElement schema)
    {
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            schema = anyOf.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString()!["#/$defs/".Length..];
            return target == "warnings" ? "array of string" : target == "period" ? "string" : "ref " + target;
        }

        if (schema.TryGetProperty("enum", out var words))
        {
            return "enum " + string.Join(",", words.EnumerateArray().Where(w => w.ValueKind == JsonValueKind.String).Select(w => w.GetString()));
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return constant.ValueKind == JsonValueKind.String ? "string" : "integer";
        }

        var type = schema.GetProperty("type");
        var name = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).First(t => t != "null")! : type.GetString()!;
        return name == "array" ? "array of " + KindIn(schema.GetProperty("items")) : name;
    }

    /// <summary>PlanDocument and every record reachable from it.</summary>
    private static List<Type> Records()
    {
        var found = new List<Type>();
        var pending = new Queue<Type>([typeof(PlanDocument)]);
        while (pending.TryDequeue(out var type))
        {
            if (found.Contains(type))
            {
                continue;
            }

            found.Add(type);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var propertyType = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                if (propertyType.Namespace == typeof(PlanDocument).Namespace)
                {
                    pending.Enqueue(propertyType);
                }
            }
        }

        return found;
    }

    private static List<(string Name, Type Type, bool Required)> Fields(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => (
            JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p.PropertyType,
            p.IsDefined(typeof(RequiredMemberAttribute)) || p.IsDefined(typeof(JsonRequiredAttribute)))),
    ];
}
