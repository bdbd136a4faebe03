using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Trellis.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trellis-cli-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunAsync(_dataDirectory, demoData: true, args);

    private static async Task<(int Code, string Out, string Err)> RunAsync(string dataDirectory, bool demoData, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trellis:DataDirectory"] = dataDirectory,
            ["Trellis:DemoData"] = demoData ? "true" : "false",
        }).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("Q3 2026/27", "2026-12-31", "quarter")]
    [InlineData("31 st March 2016", "2016-03-31", "day")]
    [InlineData("February 2017", "2017-02-28", "month")]
    [InlineData("2016/17", "2017-03-31", "year")]
    [InlineData("tbc with IT provider", null, "tbc")]
    [InlineData("Ongoing", null, "ongoing")]
    public async Task Due_Json_PrintsTheReadingAloneOnStdout(string text, string? date, string precision)
    {
        var (code, stdout, stderr) = await RunAsync("due", text, "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(text, json.RootElement.GetProperty("text").GetString());
        Assert.Equal(date, json.RootElement.GetProperty("date").GetString());
        Assert.Equal(precision, json.RootElement.GetProperty("precision").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task Due_Json_ImpossibleDate_Warns()
    {
        var (_, stdout, _) = await RunAsync("due", "31st April 2016", "--json");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2016-04-30", json.RootElement.GetProperty("date").GetString());
        Assert.Equal(["'31st April 2016' is not a date; read as 30 April 2016"], json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Due_Json_SeveralDates_ListsMilestones()
    {
        var (_, stdout, _) = await RunAsync("due", "Dec 2014 Jan 2015 February 2015 March 2015", "--json");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2015-03-31", json.RootElement.GetProperty("date").GetString());
        Assert.Equal(["2014-12-31", "2015-01-31", "2015-02-28", "2015-03-31"],
            json.RootElement.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task Due_Text_SaysWhatItUnderstood()
    {
        var (code, stdout, _) = await RunAsync("due", "Q3 2026/27");
        Assert.Equal(0, code);
        Assert.Contains("Date:      2026-12-31", stdout, StringComparison.Ordinal);
        Assert.Contains("Precision: quarter", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_Json_ListsTheDemoPlanWithItsId()
    {
        var (code, stdout, _) = await RunAsync("plans", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var plan = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(1, plan.GetProperty("id").GetInt32());
        Assert.Equal("live", plan.GetProperty("status").GetString());
        Assert.True(plan.GetProperty("actions").GetInt32() > 40);
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "trellis.db")), "the CLI uses the configured data directory");
    }

    [Fact]
    public async Task Plans_Text_PrintsATable()
    {
        var (code, stdout, _) = await RunAsync("plans");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1 ", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("due")]
    [InlineData("plans", "--nope")]
    public async Task WrongUsage_ExitsWith2AndSaysWhyOnStderr(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.NotEqual(string.Empty, stderr);
    }

    [Fact]
    public async Task Export_Json_WritesTheWholePlanOnStdout()
    {
        var (code, stdout, stderr) = await RunAsync("export", "1", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("trellis.plan", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(9, json.RootElement.GetProperty("areas").GetArrayLength());
    }

    [Fact]
    public async Task Export_Out_WritesTheFileAndNothingOnStdout()
    {
        var file = Path.Combine(_dataDirectory, "plan.json");

        var (code, stdout, stderr) = await RunAsync("export", "1", "--format", "json", "--out", file);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(file, stderr, StringComparison.Ordinal);
        var (_, printed, _) = await RunAsync("export", "1", "--format", "json");
        Assert.Equal(printed, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Export_UnknownPlan_ExitsWith1AndSaysSo()
    {
        var (code, stdout, stderr) = await RunAsync("export", "7", "--format", "json");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("No plan with id 7", stderr.Trim());
    }

    [Theory]
    [InlineData("export", "1")]
    [InlineData("export", "1", "--format", "docx")]
    [InlineData("export", "one", "--format", "json")]
    [InlineData("import")]
    [InlineData("import", "plan.json", "--force")]
    [InlineData("import", "plan.json", "--into", "one")]
    [InlineData("import", "plan.json", "--into")]
    public async Task ExportAndImport_WrongUsage_ExitWith2(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.NotEqual(string.Empty, stderr);
    }

    [Fact]
    public async Task Import_StoresTheExportedPlanAsANewPlan_AndPrintsItsId()
    {
        var file = await ExportDemoAsync();

        var (code, stdout, stderr) = await RunAsync("import", file);

        Assert.Equal(0, code);
        Assert.Equal("2", stdout.Trim());
        Assert.Contains("as plan 2", stderr, StringComparison.Ordinal);
        var (_, again, _) = await RunAsync("export", "2", "--format", "json");
        Assert.Equal(await File.ReadAllTextAsync(file), again);
    }

    [Fact]
    public async Task Import_Json_PrintsTheNewPlanAndWhatItHolds()
    {
        var file = await ExportDemoAsync();

        var (code, stdout, _) = await RunAsync("import", file, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetProperty("planId").GetInt32());
        Assert.Equal(9, json.RootElement.GetProperty("areas").GetInt32());
        Assert.True(json.RootElement.GetProperty("actions").GetInt32() > 40);
        Assert.True(json.RootElement.GetProperty("people").GetInt32() > 10);
    }

    [Fact]
    public async Task Import_DryRun_StoresNothing_AndWithJsonPrintsTheCheckedDocument()
    {
        var file = await ExportDemoAsync();

        var (code, stdout, stderr) = await RunAsync("import", file, "--dry-run", "--json");

        Assert.Equal(0, code);
        Assert.Equal(await File.ReadAllTextAsync(file), stdout);
        Assert.Contains("nothing stored", stderr, StringComparison.Ordinal);
        var (_, plans, _) = await RunAsync("plans", "--json");
        using var json = JsonDocument.Parse(plans);
        Assert.Single(json.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Import_FileWithProblems_ListsEachOnStderrWithItsPath_AndStoresNothing()
    {
        var file = await ExportDemoAsync();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        document["areas"]![0]!["actions"]![1]!["colour"] = "red";
        document["plan"]!.AsObject().Remove("title");
        await File.WriteAllTextAsync(file, document.ToJsonString());

        var (code, stdout, stderr) = await RunAsync("import", file);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [$"{file}: $.plan.title: 'title' is required in the plan", $"{file}: $.areas[0].actions[1].colour: unknown field 'colour'"],
            lines.Select(l => l.Split(';')[0]));
        var (_, plans, _) = await RunAsync("plans", "--json");
        using var json = JsonDocument.Parse(plans);
        Assert.Single(json.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Import_UnknownFileType_ExitsWith1AndListsTheSupportedTypes()
    {
        var (code, _, stderr) = await RunAsync("import", "plan.pdf");

        Assert.Equal(1, code);
        Assert.Contains("'.pdf'", stderr, StringComparison.Ordinal);
        Assert.Contains(".json (Trellis plan interchange)", stderr, StringComparison.Ordinal);
        Assert.Contains(".xlsx (a plan kept in Excel)", stderr, StringComparison.Ordinal);
        Assert.Contains(".csv (a plan table saved as CSV)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsWith1()
    {
        var (code, _, stderr) = await RunAsync("import", Path.Combine(_dataDirectory, "nowhere.json"));

        Assert.Equal(1, code);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithNoOrganisationYet_CreatesItFromTheDocument()
    {
        var file = await ExportDemoAsync();
        var empty = Path.Combine(_dataDirectory, "empty");

        var (code, stdout, _) = await RunAsync(empty, demoData: false, "import", file);
        var (_, plans, _) = await RunAsync(empty, demoData: false, "plans", "--json");

        Assert.Equal(0, code);
        Assert.Equal("1", stdout.Trim());
        using var json = JsonDocument.Parse(plans);
        Assert.Equal("Castlebridge Borough Council", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task ImportInto_UpdatesThePlan_TrellisWinsConflicts_AndTheNextFileChangesIt()
    {
        var file = await ExportDemoAsync();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var actions = document["areas"]![0]!["actions"]!.AsArray();
        var firstRef = actions[0]!["ref"]!.GetValue<string>();
        actions[0]!["comments"] = "Changed in the file";
        actions.Add(new System.Text.Json.Nodes.JsonObject { ["ref"] = "99", ["text"] = "An action the board added" });
        await File.WriteAllTextAsync(file, document.ToJsonString());

        // The demo plan was never imported: every difference is a conflict, and Trellis keeps its value.
        var (code, stdout, stderr) = await RunAsync("import", file, "--into", "1", "--json");

        Assert.True(code == 0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal(1, json.RootElement.GetProperty("planId").GetInt32());
            Assert.Equal(1, json.RootElement.GetProperty("actionsAdded").GetInt32());
            Assert.Equal(1, json.RootElement.GetProperty("conflictsKeptTrellis").GetInt32());
            Assert.Equal(0, json.RootElement.GetProperty("changesApplied").GetInt32());
        }

        Assert.Contains($"kept Trellis's value: Area 1 › action {firstRef}, Comments", stderr, StringComparison.Ordinal);
        var exported = await ExportPlanAsync(1);
        Assert.NotEqual("Changed in the file", exported["areas"]![0]!["actions"]![0]!["comments"]?.GetValue<string>());
        Assert.Equal("An action the board added", exported["areas"]![0]!["actions"]!.AsArray()[^1]!["text"]!.GetValue<string>());

        // Now the file is the last import: a change made only in the next file is taken.
        actions[1]!["comments"] = "Second version";
        await File.WriteAllTextAsync(file, document.ToJsonString());
        (code, _, stderr) = await RunAsync("import", file, "--into", "1");

        Assert.True(code == 0, stderr);
        Assert.Contains("1 change taken from the file; 0 conflicts kept Trellis's value", stderr, StringComparison.Ordinal);
        exported = await ExportPlanAsync(1);
        Assert.Equal("Second version", exported["areas"]![0]!["actions"]![1]!["comments"]!.GetValue<string>());
        var (_, plans, _) = await RunAsync("plans", "--json");
        using var list = JsonDocument.Parse(plans);
        Assert.Single(list.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task ImportInto_DryRun_PrintsThePreview_AndStoresNothing()
    {
        var file = await ExportDemoAsync();
        var before = await File.ReadAllTextAsync(file);
        var document = System.Text.Json.Nodes.JsonNode.Parse(before)!;
        var rag = document["areas"]![0]!["actions"]![0]!["rag"]?.GetValue<string>() == "R" ? "G" : "R";
        document["areas"]![0]!["actions"]![0]!["rag"] = rag;
        await File.WriteAllTextAsync(file, document.ToJsonString());

        var (code, stdout, stderr) = await RunAsync("import", file, "--into", "1", "--dry-run");

        Assert.True(code == 0, stderr);
        Assert.Contains("nothing stored", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("hasBaseline").GetBoolean());
        Assert.Equal(9, json.RootElement.GetProperty("areas").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("areas").EnumerateArray(), a => Assert.Equal("matched", a.GetProperty("kind").GetString()));
        var conflict = Assert.Single(json.RootElement.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(("RAG rating", rag), (conflict.GetProperty("field").GetString(), conflict.GetProperty("file").GetString()));
        var (_, after, _) = await RunAsync("export", "1", "--format", "json");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ImportInto_UnknownPlan_ExitsWith1NamingThePlan()
    {
        var file = await ExportDemoAsync();

        var (code, stdout, stderr) = await RunAsync("import", file, "--into", "7");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"{file}: $: there is no plan 7 to import into", stderr.Trim());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ExportPlanAsync(int planId)
    {
        var (code, stdout, stderr) = await RunAsync("export", planId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        Assert.True(code == 0, stderr);
        return System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
    }

    private async Task<string> ExportDemoAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var file = Path.Combine(_dataDirectory, "demo.plan.json");
        var (code, _, stderr) = await RunAsync("export", "1", "--format", "json", "--out", file);
        Assert.True(code == 0, stderr);
        return file;
    }

    /// <summary>
    /// The board report's indicator tables brought into the demo plan: every stored cell (value, text, note, period),
    /// target and comparator comes back out of the plan as the document has it (the document's own figures are held
    /// to the seed text by SampleBoardReportDocxTests).
    /// </summary>
    [Trellis.Testing.SharedDataFact]
    public async Task ImportInto_BoardReport_StoresEveryIndicatorCellOfTheDocument()
    {
        Directory.CreateDirectory(_dataDirectory);
        var report = Trellis.Testing.SharedData.Path("samples", "001_6c59dbafa3b02c79.docx");
        var (code, read, stderr) = await RunAsync("import", report, "--dry-run", "--json");
        Assert.True(code == 0, stderr);
        var document = System.Text.Json.Nodes.JsonNode.Parse(read)!["indicators"]!.AsArray();
        var before = (await ExportPlanAsync(1))["indicators"]!.AsArray().Count;

        (code, var stdout, stderr) = await RunAsync("import", report, "--into", "1", "--json");

        Assert.True(code == 0, stderr);
        using (var summary = JsonDocument.Parse(stdout))
        {
            Assert.Equal(document.Count, summary.RootElement.GetProperty("indicatorsAdded").GetInt32());
        }

        var stored = (await ExportPlanAsync(1))["indicators"]!.AsArray();
        Assert.Equal(before + document.Count, stored.Count);
        var cells = 0;
        foreach (var expected in document)
        {
            var name = expected!["name"]!.GetValue<string>();
            var actual = Assert.Single(stored, i => i!["name"]!.GetValue<string>() == name);
            Assert.Equal(expected["target"]?["text"]?.GetValue<string>(), actual!["target"]?["text"]?.GetValue<string>());
            Assert.Equal(Cells(expected["values"]), Cells(actual["values"]));
            Assert.Equal(Comparators(expected["comparators"]), Comparators(actual["comparators"]));
            cells += expected["values"]?.AsArray().Count ?? 0;
        }

        Assert.True(cells >= 100, $"only {cells} cells read from the report");

        // Periods are keyed, not ordered: the plan lists April 2019 before the quarter that ends in June.
        static SortedDictionary<string, string> Cells(System.Text.Json.Nodes.JsonNode? values) => new(
            (values?.AsArray() ?? []).ToDictionary(
                v => v!["period"]!.GetValue<string>(),
                v => $"{Number(v!["value"])}|{v["text"]?.GetValue<string>()}|{v["note"]?.GetValue<string>()}"),
            StringComparer.Ordinal);

        static string[] Comparators(System.Text.Json.Nodes.JsonNode? comparators) => [.. (comparators?.AsArray() ?? [])
            .Select(c => $"{c!["name"]?.GetValue<string>()}|{c["period"]?.GetValue<string>()}|{Number(c["value"])}")
            .Order(StringComparer.Ordinal)];

        // 11.0 and 11 are the same figure (the database keeps the number, not its written scale).
        static string? Number(System.Text.Json.Nodes.JsonNode? value) =>
            value?.GetValue<decimal>().ToString("0.############", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Trellis.Testing.SharedDataFact]
    public async Task Import_WordPlan_DryRunJson_ScoresAgainstTheGold()
    {
        var output = Path.Combine(_dataDirectory, "000.plan.json");
        Directory.CreateDirectory(_dataDirectory);
        var (code, stdout, stderr) = await RunAsync("import", Trellis.Testing.SharedData.Path("samples", "000_ea5cf699ba5c1d76.docx"), "--dry-run", "--json");
        Assert.True(code == 0, stderr);
        await File.WriteAllTextAsync(output, stdout);

        using var score = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("python3")
        {
            ArgumentList = { Trellis.Testing.SharedData.Path("tools", "score_import.py"), Trellis.Testing.SharedData.Path("tools", "000.gold.txt"), output, "--min", "0.98" },
            RedirectStandardOutput = true,
        })!;
        var report = await score.StandardOutput.ReadToEndAsync();
        await score.WaitForExitAsync();
        Assert.True(score.ExitCode == 0, report);
        var (_, plans, _) = await RunAsync("plans", "--json");
        using var json = JsonDocument.Parse(plans);
        Assert.Single(json.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Import_NotAWordDocument_ExitsWith1NamingTheFile()
    {
        Directory.CreateDirectory(_dataDirectory);
        var file = Path.Combine(_dataDirectory, "plan.docx");
        await File.WriteAllTextAsync(file, "this is not a zip package");
        var (code, stdout, stderr) = await RunAsync("import", file);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"{file}: ", stderr, StringComparison.Ordinal);
        Assert.Contains("not a Word document", stderr, StringComparison.Ordinal);
    }

    /// <summary>A one-sheet workbook of inline strings, written as Excel lays out the parts.</summary>
    private string WriteWorkbook(string name, string[][] rows)
    {
        Directory.CreateDirectory(_dataDirectory);
        var path = Path.Combine(_dataDirectory, name);
        using var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        void Write(string part, string text)
        {
            using var writer = new StreamWriter(archive.CreateEntry(part).Open());
            writer.Write(text);
        }

        Write("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        Write("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Write("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        var data = string.Concat(rows.Select((row, r) => $"<row r=\"{r + 1}\">" + string.Concat(row.Select((text, c) =>
            $"<c r=\"{(char)('A' + c)}{r + 1}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>")) + "</row>"));
        Write("xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>");
        return path;
    }

    [Fact]
    public async Task Import_Workbook_DryRunJson_PrintsTheDocumentReadWithTheProposedMapping()
    {
        var file = WriteWorkbook("plan.xlsx",
        [
            ["Riverside Borough Council improvement plan"],
            ["Area for improvement", "Action", "Lead officer", "By when"],
            ["Front door", "Review MASH thresholds", "Jo Stirling", "31 st March 2016"],
        ]);

        var (code, stdout, stderr) = await RunAsync("import", file, "--dry-run", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var action = json.RootElement.GetProperty("areas")[0].GetProperty("actions")[0];
        Assert.Equal("Review MASH thresholds", action.GetProperty("text").GetString());
        Assert.Equal("2016-03-31", action.GetProperty("due").GetProperty("date").GetString());
        Assert.Equal("Riverside Borough Council", json.RootElement.GetProperty("organisation").GetProperty("name").GetString());
        Assert.Contains("nothing stored (dry run)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_HostileWorkbook_ExitsWith1NamingTheFileAndStoresNothing()
    {
        Directory.CreateDirectory(_dataDirectory);
        var file = Path.Combine(_dataDirectory, "locked.xlsx");
        await File.WriteAllBytesAsync(file, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]]);

        var (code, stdout, stderr) = await RunAsync("import", file);
        var (_, plans, _) = await RunAsync("plans", "--json");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"{file}: ", stderr, StringComparison.Ordinal);
        Assert.Contains("password-protected", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(plans);
        Assert.Single(json.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Import_CsvWithAMapping_IsReadWithIt_AndTheNextImportCanUseItRemembered()
    {
        Directory.CreateDirectory(_dataDirectory);
        var csv = Path.Combine(_dataDirectory, "plan.csv");
        await File.WriteAllTextAsync(csv, "Area,Action,Notes\nFront door,Review thresholds,June 2016\n");
        var mapping = Path.Combine(_dataDirectory, "mapping.json");
        await File.WriteAllTextAsync(mapping, "{\"0\":\"AreaTitle\",\"1\":\"ActionText\",\"2\":\"Due\"}");

        var (stored, _, storedErr) = await RunAsync("import", csv, "--mapping", mapping);
        var (remembered, stdout, rememberedErr) = await RunAsync("import", csv, "--remembered", "--dry-run", "--json");
        var (proposed, proposedOut, _) = await RunAsync("import", csv, "--dry-run", "--json");

        Assert.True(stored == 0, storedErr);
        Assert.Contains("remembered for this layout", storedErr, StringComparison.Ordinal);
        Assert.True(remembered == 0, rememberedErr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2016-06-30", json.RootElement.GetProperty("areas")[0].GetProperty("actions")[0].GetProperty("due").GetProperty("date").GetString());

        // Without it, "Notes" is read as comments, as proposed.
        Assert.Equal(0, proposed);
        using var plain = JsonDocument.Parse(proposedOut);
        Assert.Equal("June 2016", plain.RootElement.GetProperty("areas")[0].GetProperty("actions")[0].GetProperty("comments").GetString());
    }
}
