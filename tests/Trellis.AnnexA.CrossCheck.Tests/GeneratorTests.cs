using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Trellis.Core.AnnexA.Synthetic;
using Trellis.Indicators.AnnexA;

namespace Trellis.AnnexA.CrossCheck.Tests;

public sealed class GeneratorTests
{
    private static readonly DateOnly Extract = new(2025, 3, 31);

    private sealed class Collect : IAnnexASyntheticSink
    {
        public Dictionary<AnnexAList, List<object?[]>> Rows { get; } = AnnexALists.All.ToDictionary(l => l, _ => new List<object?[]>());

        public void Row(AnnexAList list, object?[] cells) => Rows[list].Add(cells);

        public List<object?[]> this[AnnexAList list] => Rows[list];

        public object? Get(AnnexAList list, object?[] row, string column) => row[AnnexAColumns.For(list).ToList().IndexOf(column)];
    }

    private static Collect Generate(int children, int seed, int months = 6)
    {
        var sink = new Collect();
        AnnexAGenerator.Generate(new AnnexAGeneratorOptions { Children = children, Seed = seed, Months = months, ReferenceDate = Extract }, sink);
        return sink;
    }

    private static string Fingerprint(Collect sink) => string.Join('\n', AnnexALists.All.SelectMany(l => sink[l].Select(r =>
        $"{(int)l}|" + string.Join('|', r.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture))))));

    [Fact]
    public void SameSeed_SameRows_OtherSeed_OtherRows()
    {
        var first = Fingerprint(Generate(2_000, 11));
        Assert.Equal(first, Fingerprint(Generate(2_000, 11)));
        Assert.NotEqual(first, Fingerprint(Generate(2_000, 12)));
    }

    [Fact]
    public void LargeCouncilSixMonths_VolumesAsReadmeSection4()
    {
        var sink = Generate(110_000, 1);
        Assert.InRange(sink[AnnexAList.Contacts].Count, 45_000, 65_000);
        Assert.InRange(sink[AnnexAList.Referrals].Count, 8_000, 11_000);
        Assert.InRange(sink[AnnexAList.Assessments].Count, 9_000, 13_000);
        Assert.InRange(sink[AnnexAList.Section47].Count, 2_800, 4_200);
        Assert.InRange(sink[AnnexAList.ChildrenInNeed].Count, 15_000, 25_000);
        Assert.InRange(sink[AnnexAList.ChildProtection].Count, 1_800, 3_000);
        Assert.InRange(sink[AnnexAList.LookedAfter].Count, 2_200, 3_500);
        Assert.InRange(sink[AnnexAList.CareLeavers].Count, 1_300, 2_200);
        Assert.InRange(sink[AnnexAList.Adoption].Count, 60, 300);

        // Proportions from the national figures.
        var referrals = sink[AnnexAList.Referrals];
        var nfa = referrals.Count(r => sink.Get(AnnexAList.Referrals, r, "Referral NFA?") as string == "a) Yes") / (double)referrals.Count;
        Assert.InRange(nfa, 0.05, 0.08);
        var s47 = sink[AnnexAList.Section47];
        Assert.InRange(s47.Count / (double)referrals.Count, 0.30, 0.42);
        var held = s47.Where(r => sink.Get(AnnexAList.Section47, r, "Date of Initial Child Protection Conference") is DateOnly).ToList();
        Assert.InRange(held.Count / (double)s47.Count, 0.22, 0.36);
        var holidays = Enumerable.Range(2020, 7).SelectMany(Trellis.Indicators.Calendar.BankHolidays.EnglandAndWales).ToHashSet();
        var within15 = held.Count(r => WorkingDays((DateOnly)sink.Get(AnnexAList.Section47, r, "Strategy discussion initiating Section 47 Enquiry Start Date")!,
            (DateOnly)sink.Get(AnnexAList.Section47, r, "Date of Initial Child Protection Conference")!, holidays) <= 15);
        Assert.InRange(within15 / (double)held.Count, 0.74, 0.88);
        var authorised = sink[AnnexAList.Assessments].Where(r => sink.Get(AnnexAList.Assessments, r, "Continuous Assessment Date of Authorisation") is DateOnly
            && sink.Get(AnnexAList.Assessments, r, "Continuous Assessment Start Date") is DateOnly).ToList();
        var within45 = authorised.Count(r => WorkingDays((DateOnly)sink.Get(AnnexAList.Assessments, r, "Continuous Assessment Start Date")!,
            (DateOnly)sink.Get(AnnexAList.Assessments, r, "Continuous Assessment Date of Authorisation")!, holidays) <= 45);
        Assert.InRange(within45 / (double)authorised.Count, 0.80, 0.92);
    }

    [Fact]
    public void EpisodesHangTogether()
    {
        var sink = Generate(20_000, 3);
        var windowStart = AnnexAGenerator.WindowStart(Extract, 6);

        // Every referral's child had a contact on or before the referral (the contact that made it).
        var contacts = sink[AnnexAList.Contacts].GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.Select(r => (DateOnly)sink.Get(AnnexAList.Contacts, r, "Date of Contact")!).Min());
        foreach (var referral in sink[AnnexAList.Referrals])
        {
            var date = (DateOnly)sink.Get(AnnexAList.Referrals, referral, "Date of referral")!;
            Assert.True(contacts.TryGetValue((string)referral[0]!, out var first) && first <= date, $"referral of {referral[0]} on {date} has no contact before it");
        }

        foreach (var row in sink[AnnexAList.Section47])
        {
            var s47 = (DateOnly)sink.Get(AnnexAList.Section47, row, "Strategy discussion initiating Section 47 Enquiry Start Date")!;
            Assert.InRange(s47, windowStart.AddDays(1), Extract);
            if (sink.Get(AnnexAList.Section47, row, "Date of Initial Child Protection Conference") is DateOnly icpc)
            {
                Assert.True(icpc >= s47 && icpc <= Extract, $"ICPC {icpc} before its enquiry {s47}");
            }
        }

        foreach (var row in sink[AnnexAList.Assessments])
        {
            if (sink.Get(AnnexAList.Assessments, row, "Continuous Assessment Start Date") is DateOnly start && sink.Get(AnnexAList.Assessments, row, "Continuous Assessment Date of Authorisation") is DateOnly done)
            {
                Assert.True(done >= start);
            }
        }

        foreach (var row in sink[AnnexAList.ChildProtection])
        {
            var start = (DateOnly)sink.Get(AnnexAList.ChildProtection, row, "Child Protection Plan Start Date")!;
            var end = sink.Get(AnnexAList.ChildProtection, row, "Child Protection Plan End Date") as DateOnly?;
            Assert.True(end is null || (end > start && end > windowStart), "a plan ends after it starts, and in or after the window");
        }

        Assert.Contains(sink[AnnexAList.ChildProtection], r => sink.Get(AnnexAList.ChildProtection, r, "Child Protection Plan End Date") is DateOnly e
            && e >= ((DateOnly)sink.Get(AnnexAList.ChildProtection, r, "Child Protection Plan Start Date")!).AddYears(2));

        foreach (var row in sink[AnnexAList.LookedAfter])
        {
            var start = (DateOnly)sink.Get(AnnexAList.LookedAfter, row, "Date Started to be Looked After")!;
            Assert.True((DateOnly)sink.Get(AnnexAList.LookedAfter, row, "Start Date of Most Recent Placement")! >= start);
            Assert.True((int)sink.Get(AnnexAList.LookedAfter, row, "Number of Placements in the Last 12 months")! >= 1);
            Assert.True(sink.Get(AnnexAList.LookedAfter, row, "Date Ceased to be Looked After") is not DateOnly ceased || ceased > start);
        }

        foreach (var row in sink[AnnexAList.Adoption])
        {
            var entered = (DateOnly)sink.Get(AnnexAList.Adoption, row, "Date the Child Entered Care")!;
            var decision = (DateOnly)sink.Get(AnnexAList.Adoption, row, "Date of Decision that Child Should be Placed for Adoption")!;
            Assert.True(decision > entered);
            if (sink.Get(AnnexAList.Adoption, row, "Date of Adoption Order") is DateOnly order)
            {
                Assert.True(order > (DateOnly)sink.Get(AnnexAList.Adoption, row, "Date Placed for Adoption")!);
            }
        }

        // Case status is one of a) to e); unborn children carry age -1 and an expected date of birth after the extract.
        Assert.All(sink[AnnexAList.ChildrenInNeed], r => Assert.Matches("^[a-e]\\) ", (string)sink.Get(AnnexAList.ChildrenInNeed, r, "Case status")!));
        Assert.Contains(sink[AnnexAList.Contacts], r => (int)sink.Get(AnnexAList.Contacts, r, "Age of Child (Years)")! == -1
            && sink.Get(AnnexAList.Contacts, r, "Date of Birth") is DateOnly dob && dob > Extract);

        // Some dates fall on weekends or bank holidays, but few.
        var dates = sink[AnnexAList.Referrals].Select(r => (DateOnly)sink.Get(AnnexAList.Referrals, r, "Date of referral")!).ToList();
        var holidays = Enumerable.Range(2024, 2).SelectMany(Trellis.Indicators.Calendar.BankHolidays.EnglandAndWales).ToHashSet();
        var offDays = dates.Count(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(d));
        Assert.InRange(offDays / (double)dates.Count, 0.001, 0.05);

        // A few children appear under two teams across their referrals and assessments.
        var teams = sink[AnnexAList.Referrals].Select(r => ((string)r[0]!, sink.Get(AnnexAList.Referrals, r, "Allocated Team")))
            .Concat(sink[AnnexAList.Assessments].Select(r => ((string)r[0]!, sink.Get(AnnexAList.Assessments, r, "Allocated Team"))))
            .Where(p => p.Item2 is string)
            .GroupBy(p => p.Item1).Count(g => g.Select(p => p.Item2).Distinct().Count() > 1);
        Assert.True(teams > 0);
    }

    [Fact]
    public void Drift_CsvHeadersMatchTemplateOnceNormalised_DatesVary_DuplicatesAndBlankRows()
    {
        var folder = Path.Combine(Path.GetTempPath(), "trellis-annexa-drift", Guid.NewGuid().ToString("N"));
        try
        {
            var written = AnnexASyntheticFiles.WriteCsvFolder(new AnnexAGeneratorOptions { Children = 5_000, Seed = 5, ReferenceDate = Extract, Drift = AnnexADrift.Typical }, folder);
            var lines = File.ReadAllLines(Path.Combine(folder, "list_3_referrals.csv"));
            Assert.Equal(written.Rows[AnnexAList.Referrals], lines.Length - 1);
            Assert.Contains("Date of Referral", lines[0], StringComparison.Ordinal);
            Assert.Contains("Locality", lines[0], StringComparison.Ordinal);
            var headers = lines[0].Split(',').Select(AnnexADuckDb.Normalise).ToList();
            Assert.All(AnnexAColumns.For(AnnexAList.Referrals), h => Assert.Contains(AnnexADuckDb.Normalise(h), headers));

            var body = lines.Skip(1).ToList();
            Assert.Contains(body, l => l.Replace(",", "", StringComparison.Ordinal).Length == 0); // a blank row
            Assert.True(body.Where(l => l.Trim(',').Length > 0).GroupBy(l => l).Any(g => g.Count() > 1), "a duplicate row");
            var dates = body.Select(l => l.Split(',')).Where(c => c.Length > 7).Select(c => c[headers.IndexOf("dateofreferral")]).ToList();
            Assert.Contains(dates, d => d.Length == 5 && d.All(char.IsAsciiDigit)); // Excel serial
            Assert.Contains(dates, d => d.Length == 10 && d[4] == '-');
            Assert.Contains(dates, d => d.Contains('/', StringComparison.Ordinal));
            Assert.Contains(body, l => l.Contains(",6: Police,", StringComparison.Ordinal));
            Assert.Contains(body, l => l.Contains(",q) 6: Police,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Workbook_TemplateSheetsHeadersAndDateCells_SameRowsAsCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trellis-annexa-{Guid.NewGuid():N}.xlsx");
        var folder = path + ".csv";
        try
        {
            var options = new AnnexAGeneratorOptions { Children = 2_000, Seed = 9, ReferenceDate = Extract };
            var workbook = AnnexASyntheticFiles.WriteWorkbook(options, path);
            var csv = AnnexASyntheticFiles.WriteCsvFolder(options, folder);
            Assert.Equal(csv.Rows, workbook.Rows);

            using var document = SpreadsheetDocument.Open(path, false);
            var part = document.WorkbookPart!;
            var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(Enumerable.Range(1, 11).Select(i => $"List_{i}"), sheets.Select(s => s.Name!.Value));

            var referrals = (WorksheetPart)part.GetPartById(sheets[2].Id!);
            var rows = referrals.Worksheet.Descendants<Row>().ToList();
            Assert.Equal(workbook.Rows[AnnexAList.Referrals] + 1, rows.Count);
            var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
            Assert.Equal(AnnexAColumns.For(AnnexAList.Referrals), header);

            // The referral date (column F) is a date cell, styled dd/mm/yyyy, equal to the CSV's text.
            var cell = rows[1].Elements<Cell>().Single(c => c.CellReference == "F2");
            Assert.Equal(1u, cell.StyleIndex!.Value);
            var date = DateOnly.FromDayNumber(AnnexASyntheticFiles.ExcelEpoch.DayNumber + int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
            var csvRow = File.ReadLines(Path.Combine(folder, "list_3_referrals.csv")).Skip(1).First().Split(',');
            Assert.Equal(csvRow[5], date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            Assert.Equal(csvRow[0], rows[1].Elements<Cell>().First().InnerText);
        }
        finally
        {
            File.Delete(path);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int WorkingDays(DateOnly a, DateOnly b, HashSet<DateOnly> holidays)
    {
        var n = 0;
        for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d))
            {
                n++;
            }
        }

        return n;
    }
}
