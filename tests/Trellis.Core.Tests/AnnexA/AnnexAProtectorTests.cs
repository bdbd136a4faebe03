using System.Text;
using Microsoft.Extensions.Configuration;
using Trellis.Core.AnnexA;
using Trellis.Indicators.AnnexA;
using Trellis.Testing;
using static Trellis.Core.Tests.AnnexA.AnnexATestFiles;

namespace Trellis.Core.Tests.AnnexA;

public sealed class AnnexAProtectorTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a test key of thirty-two bytes!!");
    private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("another key, also long enough...");

    private static string Placements() => Workbook(Path.Combine(TempFolder(), "cla.xlsx"),
        ("CLA",
        [
            Headers("Child Unique ID", "Date of Birth", "Date Started to be Looked After", "Placement postcode", "URN of Placement", "Allocated Team", "Allocated Worker", "Carer name"),
            Row("ID-0042", TestCell.Date(2012, 7, 23), TestCell.Date(2024, 1, 5), "ab1 2cd", "SC123456", "Team A", "Worker One", "Mrs Carer"),
            Row(42, "23/07/2012", "05/01/2024", "AB12CD", TestCell.Blank, "Team A", "Worker One"),
            Row("42.0", "not known", TestCell.Blank, "nowhere"),
        ]));

    [Fact]
    public void NoRawIdOrFullDateOfBirthSurvives_AndWhatIsNotNeededIsDropped()
    {
        var receiver = new RecordingReceiver();
        AnnexAReader.Read(Placements(), new AnnexAProtector(receiver, Key));

        var cla = receiver[AnnexAList.LookedAfter];
        Assert.Equal(["Child Unique ID", "Date of Birth", "Date Started to be Looked After", "Placement postcode", "Allocated Team", "Allocated Worker"], cla.Headers);
        var everything = string.Join("|", cla.Rows.SelectMany(r => r.Cells.Select(c => c.Text + "#" + c.Number)));
        Assert.DoesNotContain("0042", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("SC123456", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Carer", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("2CD", everything, StringComparison.Ordinal);
        var fullBirth = new DateOnly(2012, 7, 23).DayNumber - new DateOnly(1899, 12, 30).DayNumber;
        Assert.DoesNotContain(cla.Rows, r => r.Cells.Any(c => c.Number == fullBirth));

        var firstOfMonth = new DateOnly(2012, 7, 1).DayNumber - new DateOnly(1899, 12, 30).DayNumber;
        Assert.Equal(new RecordedCell(CellKind.Date, string.Empty, firstOfMonth), cla.Cell(0, "Date of Birth"));
        Assert.Equal(new RecordedCell(CellKind.Date, string.Empty, firstOfMonth), cla.Cell(1, "Date of Birth"));
        Assert.Equal(CellKind.Blank, cla.Cell(2, "Date of Birth").Kind);
        Assert.Equal("AB1 2", cla.Cell(0, "Placement postcode").Text);
        Assert.Equal("AB1 2", cla.Cell(1, "Placement postcode").Text);
        Assert.Equal(CellKind.Blank, cla.Cell(2, "Placement postcode").Kind);
        Assert.Equal("Worker One", cla.Cell(0, "Allocated Worker").Text);
        Assert.Equal(CellKind.Date, cla.Cell(0, "Date Started to be Looked After").Kind);
    }

    [Fact]
    public void SameId_SameHash_WhateverTheCell_DifferentKey_DifferentHash()
    {
        var first = new RecordingReceiver();
        var second = new RecordingReceiver();
        var path = Placements();
        AnnexAReader.Read(path, new AnnexAProtector(first, Key));
        AnnexAReader.Read(path, new AnnexAProtector(second, OtherKey));

        var ids = first[AnnexAList.LookedAfter].Rows.Select(r => r.Cells[0].Text).ToList();
        Assert.Matches("^[0-9a-f]{32}$", ids[0]);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids[1], ids[2]);
        Assert.Equal(AnnexAProtector.Hash(Key, "42"), ids[1]);
        Assert.NotEqual(ids[1], second[AnnexAList.LookedAfter].Rows[1].Cells[0].Text);
    }

    [SharedDataFact]
    public void SampleWorkbook_ThroughTheProtector_KeepsNoId()
    {
        var raw = new RecordingReceiver();
        var file = SharedData.Path("annexa", "annex_a_sample_liia_tools.xlsx");
        AnnexAReader.Read(file, raw);
        var rawIds = raw.Lists.SelectMany(l => l.Rows.Select(r => r.Cells[0])).Select(c => c.Kind == CellKind.Number ? ((long)c.Number).ToString(System.Globalization.CultureInfo.InvariantCulture) : c.Text).ToHashSet();

        var protectedLists = new RecordingReceiver();
        AnnexAReader.Read(file, new AnnexAProtector(protectedLists, Key));

        var all = protectedLists.Lists.SelectMany(l => l.Rows.SelectMany(r => r.Cells.Select(c => c.Text))).ToList();
        Assert.DoesNotContain(all, rawIds.Contains);
        Assert.DoesNotContain(protectedLists.Lists, l => l.Headers.Contains("Organisation completing assessment"));
    }

    [Fact]
    public void HashKey_FromConfiguration_OrMadeOnceWithOwnerOnlyPermissions()
    {
        var folder = TempFolder();
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AnnexAHashKey.ConfigurationKey] = "configured secret, long enough" }).Build();
        Assert.Equal(Encoding.UTF8.GetBytes("configured secret, long enough"), AnnexAHashKey.Resolve(configured, folder));
        Assert.False(File.Exists(Path.Combine(folder, AnnexAHashKey.FileName)));

        var empty = new ConfigurationBuilder().Build();
        var made = AnnexAHashKey.Resolve(empty, folder);
        Assert.Equal(32, made.Length);
        Assert.Equal(made, AnnexAHashKey.Resolve(empty, folder));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, AnnexAHashKey.FileName)));
        }
    }

    [Theory]
    [InlineData("AB1 2CD", "AB1 2")]
    [InlineData("sw1a 1aa", "SW1A 1")]
    [InlineData("M1 1AE", "M1 1")]
    [InlineData("CR26XH", "CR2 6")]
    [InlineData("AB1", null)]
    [InlineData("not a postcode", null)]
    public void Sector(string postcode, string? sector) => Assert.Equal(sector, AnnexAProtector.Sector(postcode));
}
