using System.Text;
using System.Text.Json.Nodes;
using Trellis.Core.Interchange;

namespace Trellis.Core.Tests.Interchange;

/// <summary>Reading is strict and says where every problem is; writing is the format's own shape.</summary>
public class PlanJsonTests
{
    /// <summary>A small sound document to break one piece at a time.</summary>
    private static JsonObject Sound() => JsonNode.Parse("""
        {
          "format": "trellis.plan",
          "version": 1,
          "organisation": { "name": "Riverside Borough Council" },
          "plan": { "title": "Improvement plan", "status": "draft" },
          "people": [ { "id": "p1", "initials": "SK", "name": "Sam Kaur" } ],
          "themes": [ { "key": "A", "title": "Front door" } ],
          "areas": [ {
            "number": "1", "theme": "A", "title": "Contacts and referrals",
            "leads": [ { "person": "p1" } ],
            "actions": [
              { "ref": "1.1", "text": "Review the duty team", "owners": [ { "person": "p1" }, { "text": "JH" } ],
                "due": { "text": "31 st March 2016", "date": "2016-03-31", "precision": "day" } },
              { "ref": "1.2", "text": "Audit referrals", "due": { "text": "TBC", "date": null, "precision": "tbc" } }
            ]
          } ],
          "indicators": [ { "id": "k1", "name": "Re-referrals", "areas": ["1"], "values": [ { "period": "2019/20 Q3", "value": 18 } ] } ]
        }
        """)!.AsObject();

    private static PlanReadResult Read(JsonNode json) => PlanJson.Read(json.ToJsonString(), "plan.json");

    private static JsonObject Action(JsonObject document, int area, int action) =>
        document["areas"]![area]!["actions"]![action]!.AsObject();

    [Fact]
    public void Read_SoundDocument_GivesTheDocument()
    {
        var result = Read(Sound());

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("plan.json", result.Source);
        var action = result.Document!.Areas[0].Actions![0];
        Assert.Equal(new DateOnly(2016, 3, 31), action.Due!.Date);
        Assert.Equal("JH", action.Owners![1].Text);
    }

    [Fact]
    public void Read_UnknownField_NamesItAndItsPath()
    {
        var document = Sound();
        Action(document, 0, 1)["colour"] = "red";

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal("$.areas[0].actions[1].colour", problem.Path);
        Assert.Contains("unknown field 'colour'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FieldInTheWrongCase_SuggestsTheRightName()
    {
        var document = Sound();
        document["plan"]!["Status"] = "live";

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal("$.plan.Status", problem.Path);
        Assert.Contains("did you mean 'status'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.version", "\"1\"", "expected a whole number, found text \"1\"")]
    [InlineData("$.areas", "{}", "expected a list, found an object")]
    [InlineData("$.plan.title", "42", "expected text, found the number 42")]
    [InlineData("$.plan.periodStart", "\"31/03/2016\"", "'31/03/2016' is not a date written yyyy-MM-dd")]
    [InlineData("$.plan.periodEnd", "\"2016-02-30\"", "'2016-02-30' is not a date")]
    [InlineData("$.plan.quartersAreFinancial", "\"yes\"", "expected true or false")]
    public void Read_WrongType_SaysWhatWasExpected(string path, string value, string message)
    {
        var document = Sound();
        var (parent, name) = Split(document, path);
        parent[name] = JsonNode.Parse(value);
        document.Remove("indicators"); // it names area 1: without areas, a second (true) problem

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.format")]
    [InlineData("$.version")]
    [InlineData("$.organisation.name")]
    [InlineData("$.plan.title")]
    [InlineData("$.areas")]
    public void Read_MissingRequiredField_IsReportedAtItsPath(string path)
    {
        var document = Sound();
        var (parent, name) = Split(document, path);
        parent.Remove(name);
        document.Remove("indicators"); // it names area 1: without areas, a second (true) problem

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains($"'{name}' is required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NullForARequiredField_IsAProblem_NullForAnOptionalOne_IsAbsent()
    {
        var document = Sound();
        document["plan"]!["title"] = null;
        document["plan"]!["status"] = null;

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal("$.plan.title", problem.Path);
    }

    [Theory]
    [InlineData("status", "finished", "'finished' is not one of not-started, in-progress, complete or dropped")]
    [InlineData("rag", "Purple", "'Purple' is not a rating on the plan's progress scale; its codes are R, A, G, B")]
    public void Read_BadWordOnAnAction_ListsTheAllowedOnes(string field, string word, string message)
    {
        var document = Sound();
        Action(document, 0, 0)[field] = word;

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal($"$.areas[0].actions[0].{field}", problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Read_BadPrecision_ListsTheAllowedWords()
    {
        var document = Sound();
        Action(document, 0, 0)["due"]!["precision"] = "fortnight";

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal("$.areas[0].actions[0].due.precision", problem.Path);
        Assert.Equal("'fortnight' is not one of day, month, quarter, year, tbc, ongoing or none", problem.Message);
    }

    [Theory]
    [InlineData("plan", "status", "open", "draft, live or closed")]
    [InlineData("plan", "monitoringCadence", "weekly", "monthly, quarterly or six-monthly")]
    public void Read_BadPlanWord_ListsTheAllowedWords(string parent, string field, string word, string allowed)
    {
        var document = Sound();
        document[parent]![field] = word;

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal($"$.{parent}.{field}", problem.Path);
        Assert.EndsWith(allowed, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadIndicatorWords_AndSourceKind_ListTheAllowedWords()
    {
        var document = Sound();
        document["indicators"]![0]!["unit"] = "percentage";
        document["indicators"]![0]!["polarity"] = "up";
        document["areas"]![0]!["source"] = new JsonObject { ["kind"] = "ofsted" };

        var problems = Read(document).Problems.ToDictionary(p => p.Path, p => p.Message);

        Assert.EndsWith("percent, count, rate-per-10k, days, weeks, ratio or text", problems["$.indicators[0].unit"], StringComparison.Ordinal);
        Assert.EndsWith("higher-is-better, lower-is-better, in-range or none", problems["$.indicators[0].polarity"], StringComparison.Ordinal);
        Assert.EndsWith("inspection-recommendation, report-narrative, self-assessment, workshop or other", problems["$.areas[0].source.kind"], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenReferences_AreEachReported()
    {
        var document = Sound();
        document["people"]!.AsArray().Add(new JsonObject { ["id"] = "p1", ["initials"] = "JS" });
        document["areas"]![0]!["theme"] = "Z";
        Action(document, 0, 0)["owners"]![0]!["person"] = "p9";
        document["indicators"]![0]!["areas"] = new JsonArray("1", "7");

        var problems = Read(document).Problems.ToDictionary(p => p.Path, p => p.Message);

        Assert.Equal("the id 'p1' is used by another person", problems["$.people[1].id"]);
        Assert.Equal("no theme has the key 'Z'; the themes are A", problems["$.areas[0].theme"]);
        Assert.Equal("no person has the id 'p9'; the people are p1", problems["$.areas[0].actions[0].owners[0].person"]);
        Assert.Equal("no area has the number '7'; the areas are 1", problems["$.indicators[0].areas[1]"]);
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Read_UnknownFormat_AndNewerVersion_AreRefused()
    {
        var document = Sound();
        document["format"] = "trellis.report";
        document["version"] = 2;

        var problems = Read(document).Problems.ToDictionary(p => p.Path, p => p.Message);

        Assert.Contains("'trellis.report' is not a format Trellis reads", problems["$.format"], StringComparison.Ordinal);
        Assert.Contains("version 2 is newer than this Trellis reads", problems["$.version"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frequency", "\"fortnightly\"", "$.indicators[0].frequency", "'fortnightly' is not one of monthly, quarterly or annual")]
    [InlineData("yearBasis", "\"academic\"", "$.indicators[0].yearBasis", "'academic' is not one of financial or calendar")]
    [InlineData("owner", "\"p9\"", "$.indicators[0].owner", "no person has the id 'p9'")]
    [InlineData("tolerance", "{ \"kind\": \"percent\", \"value\": 3 }", "$.indicators[0].tolerance.kind", "'percent' is not one of points or percent-of-target")]
    [InlineData("tolerance", "{ \"kind\": \"points\", \"value\": -3 }", "$.indicators[0].tolerance.value", "a tolerance cannot be negative")]
    [InlineData("tolerance", "{ \"kind\": \"points\" }", "$.indicators[0].tolerance.value", "'value' is required")]
    [InlineData("targets", "[ { \"text\": \"85%\", \"from\": \"2017-04-01\", \"to\": \"2016-03-31\" } ]", "$.indicators[0].targets[0].to", "ends before its from (2017-04-01)")]
    [InlineData("targets", "[ { \"text\": \"85%\", \"from\": \"April 2016\" } ]", "$.indicators[0].targets[0].from", "'April 2016' is not a date")]
    [InlineData("targets", "[ { \"text\": \"85%\", \"until\": \"2017-03-31\" } ]", "$.indicators[0].targets[0].until", "unknown field 'until'")]
    public void Read_BadIndicatorExtension_IsAProblemAtItsPath(string field, string json, string path, string message)
    {
        var document = Sound();
        document["indicators"]![0]![field] = JsonNode.Parse(json);

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recordedAt", "\"2019-11-05 07:00\"", "$.indicators[0].values[0].recordedAt", "is not a date and time written yyyy-MM-ddTHH:mm:ss")]
    [InlineData("breakdowns", "[ { \"dimension\": \"Team\", \"category\": \"North\", \"value\": 80 }, { \"dimension\": \"Team\", \"category\": \"North\", \"value\": 81 } ]", "$.indicators[0].values[0].breakdowns[1].category", "already has a breakdown for Team 'North'")]
    [InlineData("breakdowns", "[ { \"dimension\": \"Team\", \"value\": 80 } ]", "$.indicators[0].values[0].breakdowns[0].category", "'category' is required")]
    [InlineData("history", "[ { \"value\": 17 } ]", "$.indicators[0].values[0].history[0].replacedAt", "'replacedAt' is required")]
    [InlineData("history", "[ { \"value\": 17, \"replacedAt\": \"2019-11-09T10:00:00Z\", \"by\": \"me\" } ]", "$.indicators[0].values[0].history[0].by", "unknown field 'by'")]
    public void Read_BadValueExtension_IsAProblemAtItsPath(string field, string json, string path, string message)
    {
        var document = Sound();
        document["indicators"]![0]!["values"]![0]![field] = JsonNode.Parse(json);

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyProblems_AreAllReportedTogether()
    {
        var document = Sound();
        document["plan"]!.AsObject().Remove("title");
        document["version"] = "one";
        Action(document, 0, 1)["colour"] = "red";
        Action(document, 0, 0)["due"]!["precision"] = "soon";
        Action(document, 0, 0)["owners"]![0]!["person"] = "p9";
        document["indicators"]![0]!["values"]![0]!["period"] = "Q3 2019";

        var result = Read(document);

        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        Assert.Equal(
            [
                "$.version", "$.plan.title", "$.areas[0].actions[1].colour", "$.areas[0].actions[0].owners[0].person",
                "$.areas[0].actions[0].due.precision", "$.indicators[0].values[0].period",
            ],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Read_WrongTypeInAList_KeepsTheIndicesOfTheItemsAfterIt()
    {
        var document = Sound();
        var actions = document["areas"]![0]!["actions"]!.AsArray();
        actions.Insert(0, "not an action");
        Action(document, 0, 1)["owners"]![0]!["person"] = "p9";

        var paths = Read(document).Problems.Select(p => p.Path);

        Assert.Equal(["$.areas[0].actions[0]", "$.areas[0].actions[1].owners[0].person"], paths);
    }

    [Fact]
    public void Read_DueDates_MustAgreeWithTheirPrecision()
    {
        var document = Sound();
        Action(document, 0, 0)["due"]!.AsObject().Remove("date");
        Action(document, 0, 1)["due"]!["date"] = "2016-04-30";

        var problems = Read(document).Problems.ToDictionary(p => p.Path, p => p.Message);

        Assert.Contains("precision 'day' needs a 'date'", problems["$.areas[0].actions[0].due.date"], StringComparison.Ordinal);
        Assert.Contains("precision 'tbc' has no 'date'", problems["$.areas[0].actions[1].due.date"], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DueDateWithoutPrecision_IsLeftForTheImporterToRead()
    {
        var document = Sound();
        Action(document, 0, 0)["due"] = new JsonObject { ["text"] = "Q3 2019/20" };

        Assert.True(Read(document).Succeeded);
    }

    [Fact]
    public void Read_TextTooLongForTheDatabase_SaysTheLimit()
    {
        var document = Sound();
        Action(document, 0, 0)["ref"] = new string('1', 21);

        var problem = Assert.Single(Read(document).Problems);

        Assert.Equal("$.areas[0].actions[0].ref", problem.Path);
        Assert.Equal("is 21 characters long; Trellis keeps at most 20", problem.Message);
    }

    [Fact]
    public void Read_RepeatedField_IsAProblem()
    {
        var json = Sound().ToJsonString().Replace("\"status\":\"draft\"", "\"status\":\"draft\",\"status\":\"live\"", StringComparison.Ordinal);

        var problem = Assert.Single(PlanJson.Read(json, "plan.json").Problems);

        Assert.Equal("$.plan.status", problem.Path);
        Assert.Contains("more than once", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"format\": ")]
    [InlineData("{ \"format\": \"trellis.plan\", } ")]
    [InlineData("// a comment\n{}")]
    [InlineData("")]
    public void Read_NotJson_IsOneProblemWithTheLine(string json)
    {
        var problem = Assert.Single(PlanJson.Read(json, "plan.json").Problems);

        Assert.Equal("$", problem.Path);
        Assert.StartsWith("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RootThatIsNotAnObject_IsOneProblem()
    {
        var problem = Assert.Single(PlanJson.Read("[1, 2]", "plan.json").Problems);

        Assert.Equal("$", problem.Path);
        Assert.Equal("expected an object, found a list", problem.Message);
    }

    [Fact]
    public async Task ReadAsync_FromAStream_ReadsTheSame()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Sound().ToJsonString()));

        var result = await PlanJson.ReadAsync(stream, "plan.json");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Write_IsCamelCase_LeavesOutNulls_AndKeepsTextReadable()
    {
        var document = new PlanDocument
        {
            Organisation = new OrganisationDoc { Name = "Children's Services — Riverside" },
            Plan = new PlanDoc { Title = "Plan", PeriodStart = new DateOnly(2016, 2, 1) },
            Areas = [new AreaDoc { Number = "1", Title = "Front door", Actions = [new ActionDoc { Ref = "1.1", Text = "Review", Due = new DueDoc { Text = "TBC", Precision = "tbc" } }] }],
        };

        var json = PlanJson.Write(document);

        Assert.Contains("\"name\": \"Children's Services — Riverside\"", json, StringComparison.Ordinal);
        Assert.Contains("\"periodStart\": \"2016-02-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"quartersAreFinancial\": false", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\"", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"format\": \"trellis.plan\",\n  \"version\": 1,", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(PlanJson.Read(json, "written").Succeeded);
    }

    private static (JsonObject Parent, string Name) Split(JsonObject document, string path)
    {
        var parts = path[2..].Split('.');
        var parent = document;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        return (parent, parts[^1]);
    }
}
