using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Trellis.Core.AnnexA;
using Trellis.Core.AnnexA.Store;
using Trellis.Core.AnnexA.Synthetic;
using Trellis.Core.Data;
using Trellis.Core.Plans;
using Trellis.Indicators.AnnexA;
using Trellis.Testing;

namespace Trellis.Core.Tests.AnnexA.Store;

public sealed class AnnexAStoreTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a test key of sixteen or more bytes");
    private static readonly DateOnly March = new(2025, 3, 31);
    private static readonly DateOnly June = new(2025, 6, 30);

    /// <summary>A generated Annex A as a folder of CSVs: the flow lists cover <paramref name="months"/> months to <paramref name="r"/>.</summary>
    private static string Generate(DateOnly r, int months = 6, int children = 400)
    {
        var folder = AnnexATestFiles.TempFolder();
        AnnexASyntheticFiles.WriteCsvFolder(new AnnexAGeneratorOptions { Children = children, Months = months, ReferenceDate = r, Seed = 7 }, folder);
        return folder;
    }

    /// <summary>A copy of a CSV folder whose contacts, referrals and S47 enquiries are only those dated in [from, to].</summary>
    private static string FlowBetween(string folder, DateOnly from, DateOnly to)
    {
        var copy = AnnexATestFiles.TempFolder();
        var dated = new Dictionary<string, string>
        {
            [AnnexASyntheticFiles.CsvFileName(AnnexAList.Contacts)] = "Date of Contact",
            [AnnexASyntheticFiles.CsvFileName(AnnexAList.Referrals)] = "Date of referral",
            [AnnexASyntheticFiles.CsvFileName(AnnexAList.Section47)] = "Strategy discussion initiating Section 47 Enquiry Start Date",
        };
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            var lines = File.ReadAllLines(file);
            if (dated.TryGetValue(name, out var column))
            {
                var at = Fields(lines[0]).IndexOf(column);
                Assert.True(at >= 0, $"{name} has no '{column}'");
                lines = [lines[0], .. lines.Skip(1).Where(l => DateOnly.TryParseExact(Fields(l)[at], "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) && d >= from && d <= to)];
            }

            File.WriteAllLines(Path.Combine(copy, name), lines);
        }

        return copy;
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static async Task<(TestDatabase Database, int OrganisationId)> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var organisation = new Organisation { Name = "Test council" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return (database, organisation.Id);
    }

    private static AnnexAStore Store(TrellisDbContext db, TimeProvider? clock = null) => new(db, clock ?? new FakeTimeProvider(new DateTimeOffset(2025, 7, 10, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Accept_OverlappingWorkbooks_CountsTheOverlapAsHeldAndComputesAsTheUnion(DatabaseProvider provider)
    {
        var (database, organisationId) = await CreateAsync(provider);
        await using var _ = database;
        // One history, January 2025's extract covering October to March and June's covering January to June (the
        // generator's histories differ from one reference date to another, so both come from one run).
        var all = Generate(June, months: 9);
        var first = FlowBetween(all, new DateOnly(2024, 10, 1), March);
        var second = FlowBetween(all, new DateOnly(2025, 1, 1), June);

        // June's extract corrects one child's plan: the review date of the first plan listed.
        var plans = Path.Combine(second, AnnexASyntheticFiles.CsvFileName(AnnexAList.ChildProtection));
        var lines = File.ReadAllLines(plans);
        var review = Fields(lines[0]).IndexOf("Date of latest review conference");
        var changed = Fields(lines[1]);
        changed[review] = changed[review] == "02/06/2025" ? "03/06/2025" : "02/06/2025";
        lines[1] = string.Join(",", changed.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        File.WriteAllLines(plans, lines);

        await using (var db = database.CreateContext())
        {
            var a = await Store(db).AcceptAsync(organisationId, first, Key, "test", new AnnexAExtractDates(new DateOnly(2024, 10, 1), March));
            Assert.True(a.Stored);
            Assert.Equal(0, a.AlreadyHeld + a.Replaced);
            Assert.True(a.New > 200, $"only {a.New} rows");
        }

        AnnexALoadResult b;
        await using (var db = database.CreateContext())
        {
            b = await Store(db).AcceptAsync(organisationId, second, Key, "test", new AnnexAExtractDates(new DateOnly(2025, 1, 1), June));
        }

        // Months 4-6 are in both files: their contacts and referrals are already held.
        var contacts = b.Lists.Single(l => l.List == AnnexAList.Contacts);
        Assert.True(contacts.AlreadyHeld > 0, "no overlap found");
        Assert.True(contacts.New > 0, "no new contacts");
        Assert.Equal(1, b.Replaced);
        Assert.Equal(1, b.Lists.Single(l => l.List == AnnexAList.ChildProtection).Replaced);
        var children = b.Lists.Single(l => l.List == AnnexAList.LookedAfter);
        Assert.Equal((0, children.Read - children.NotStored), (children.New, children.AlreadyHeld));

        // The engine fed the later file first (so its row wins on a shared key), then the earlier: the union.
        var direct = new AnnexADataBuilder();
        AnnexAValidator.Validate(second, new AnnexAProtector(direct, Key));
        AnnexAValidator.Validate(first, new AnnexAProtector(direct, Key));
        var union = direct.Build();

        await using (var db = database.CreateContext())
        {
            var held = await Store(db).LoadHeldAsync(organisationId);
            Assert.Equal(union.Lists.Sum(l => l.RowsKept), held.Data.Lists.Sum(l => l.RowsKept));
            Assert.Equal(await db.AnnexACaseRows.CountAsync(), held.Rows);
            Assert.Equal(new DateOnly(2024, 10, 1), held.HeldFrom);
            Assert.Equal(June, held.HeldTo);

            foreach (var at in new[] { March, June })
            {
                var options = new AnnexAOptions { ReferenceDate = at, WindowMonths = 6, Population = 50000 };
                var expected = AnnexAEngine.Compute(union, options).Indicators;
                var actual = AnnexAEngine.Compute(held.Data, options).Indicators;
                Assert.Equal(
                    expected.Select(i => (i.Key, i.Value, i.Numerator, i.Denominator, i.Status)),
                    actual.Select(i => (i.Key, i.Value, i.Numerator, i.Denominator, i.Status)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Accept_TheSameFileTwice_AddsNothing(DatabaseProvider provider)
    {
        var (database, organisationId) = await CreateAsync(provider);
        await using var _ = database;
        var file = Generate(March, children: 200);
        await using (var db = database.CreateContext())
        {
            await Store(db).AcceptAsync(organisationId, file, Key, "test");
        }

        await using (var db = database.CreateContext())
        {
            var rows = await db.AnnexACaseRows.CountAsync();
            var again = await Store(db).AcceptAsync(organisationId, file, Key, "test");

            Assert.False(again.Stored);
            Assert.NotNull(again.AlreadyLoadedAs);
            Assert.Equal(0, again.New);
            Assert.Equal(1, await db.AnnexAUploads.CountAsync());
            Assert.Equal(rows, await db.AnnexACaseRows.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preview_StoresNothing(DatabaseProvider provider)
    {
        var (database, organisationId) = await CreateAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var audit = await db.AuditRecords.CountAsync();

        var preview = await Store(db).PreviewAsync(organisationId, Generate(March, children: 200), Key);

        Assert.False(preview.Stored);
        Assert.True(preview.New > 0);
        Assert.Equal(0, await db.AnnexAUploads.CountAsync());
        Assert.Equal(0, await db.AnnexACaseRows.CountAsync());
        Assert.Equal(audit, await db.AuditRecords.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Accept_AFailureMidway_LeavesNothingStored(DatabaseProvider provider)
    {
        var (database, organisationId) = await CreateAsync(provider);
        await using var _ = database;
        var audit = 0;
        await using (var db = database.CreateContext())
        {
            audit = await db.AuditRecords.CountAsync();
        }

        var failing = new FailOnNthInsert(3);
        await using (var db = database.CreateContext(failing))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Store(db).AcceptAsync(organisationId, Generate(March, children: 1500), Key, "test"));
        }

        Assert.True(failing.Inserts >= 3);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.AnnexAUploads.CountAsync());
            Assert.Equal(0, await db.AnnexACaseRows.CountAsync());
            Assert.Equal(audit, await db.AuditRecords.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReReferrals_AreApproximateWithSixMonthsHeld_AndExactWithEighteen(DatabaseProvider provider)
    {
        var (database, organisationId) = await CreateAsync(provider);
        await using var _ = database;
        var options = (DateOnly? heldFrom) => new AnnexAOptions { ReferenceDate = March, WindowMonths = 6, HeldFrom = heldFrom };

        await using (var db = database.CreateContext())
        {
            await Store(db).AcceptAsync(organisationId, Generate(March, months: 6), Key, "test", new AnnexAExtractDates(new DateOnly(2024, 10, 1), March));
            var held = await Store(db).LoadHeldAsync(organisationId);
            var reReferral = AnnexAEngine.Compute(held.Data, options(held.HeldFrom)).Indicators.Single(i => i.Id == 4);
            Assert.Equal(ResultStatus.Approximate, reReferral.Status);
            Assert.StartsWith("approximate: only 6 months held", reReferral.Reason, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            // The year before: October 2023 to September 2024 (the generator makes at most 12 months at a time).
            var september = new DateOnly(2024, 9, 30);
            await Store(db).AcceptAsync(organisationId, Generate(september, months: 12), Key, "test", new AnnexAExtractDates(new DateOnly(2023, 10, 1), september));
            var held = await Store(db).LoadHeldAsync(organisationId);
            Assert.Equal(new DateOnly(2023, 10, 1), held.HeldFrom);
            var reReferral = AnnexAEngine.Compute(held.Data, options(held.HeldFrom)).Indicators.Single(i => i.Id == 4);
            Assert.Equal(ResultStatus.Ok, reReferral.Status);
            Assert.Equal("exact: history held from 1 Oct 2023", reReferral.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Purge_DeletesRowsByTheAgeOfTheirLastExtract_AndAuditsOnlyCounts(DatabaseProvider provider)
    {
        var (database, organisationId) = await CreateAsync(provider);
        await using var _ = database;
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 10, 9, 0, 0, TimeSpan.Zero));
        await using (var db = database.CreateContext())
        {
            await Store(db, clock).AcceptAsync(organisationId, Generate(March, children: 200), Key, "test", new AnnexAExtractDates(ExtractDate: March));
        }

        await using (var db = database.CreateContext())
        {
            var rows = await db.AnnexACaseRows.CountAsync();

            // Extract 31 Mar 2025; 36 months later (1 Apr 2028) it is still within retention on 31 Mar 2028.
            clock.SetUtcNow(new DateTimeOffset(2028, 3, 31, 9, 0, 0, TimeSpan.Zero));
            var early = await new AnnexACaseData(db, clock).PurgeAsync(organisationId, 36, dryRun: false);
            Assert.Equal(0, early.Rows);

            clock.SetUtcNow(new DateTimeOffset(2028, 4, 2, 9, 0, 0, TimeSpan.Zero));
            var dry = await new AnnexACaseData(db, clock).PurgeAsync(organisationId, 36, dryRun: true);
            Assert.Equal(rows, dry.Rows);
            Assert.Equal(rows, await db.AnnexACaseRows.CountAsync());

            var purged = await new AnnexACaseData(db, clock).PurgeAsync(organisationId, 36, dryRun: false);
            Assert.Equal(rows, purged.Rows);
            Assert.Equal(0, await db.AnnexACaseRows.CountAsync());
        }

        await using (var db = database.CreateContext())
        {
            var record = await db.AuditRecords.SingleAsync(r => r.EntityType == nameof(AnnexAPurge));
            Assert.Contains("RowsDeleted", record.After, StringComparison.Ordinal);
            Assert.DoesNotContain(await db.AuditRecords.ToListAsync(), r => r.EntityType == nameof(AnnexACaseRow) || r.EntityType == nameof(AnnexACaseRead));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CaseRows_NeedThePermission_AndEveryReadIsLogged(DatabaseProvider provider)
    {
        var (database, organisationId) = await CreateAsync(provider);
        await using var _ = database;
        var file = Generate(March, children: 200);
        await using var db = database.CreateContext();
        var user = new Trellis.Core.Accounts.TrellisUser { UserName = "admin@test.example", Email = "admin@test.example", OrganisationId = organisationId, IsAdministrator = true };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        await Store(db).AcceptAsync(organisationId, file, Key, "test");
        var cases = new AnnexACaseData(db, new FakeTimeProvider(new DateTimeOffset(2025, 7, 10, 9, 0, 0, TimeSpan.Zero)));

        Assert.Null(await cases.ReadAsync(organisationId, user.Id, AnnexAList.Referrals, 20));
        Assert.Equal(0, await db.AnnexACaseReads.CountAsync());

        user.CanReadCaseData = true;
        await db.SaveChangesAsync();
        var rows = await cases.ReadAsync(organisationId, user.Id, AnnexAList.Referrals, 5);

        Assert.NotNull(rows);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{32}\\|", r.Key));
        var log = await db.AnnexACaseReads.SingleAsync();
        Assert.Equal((user.Id, 5), (log.UserId, log.Rows));
        Assert.Contains("List 3", log.What, StringComparison.Ordinal);

        // Nothing of the file reached the audit trail: no child id, hashed or not, and no row of the case tables.
        var ids = File.ReadLines(Path.Combine(file, AnnexASyntheticFiles.CsvFileName(AnnexAList.Referrals))).Skip(1).Select(l => l.Split(',')[0]).Where(i => i.Length > 3).Distinct().Take(50).ToList();
        var audit = string.Join("\n", (await db.AuditRecords.ToListAsync()).Select(r => r.Before + r.After));
        Assert.All(ids, id => Assert.DoesNotContain(id, audit, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(r.Key[..32], audit, StringComparison.Ordinal));
    }

    /// <summary>Throws on the nth INSERT into the case rows: the accept is then half done unless its transaction holds.</summary>
    private sealed class FailOnNthInsert(int n) : DbCommandInterceptor
    {
        public int Inserts { get; private set; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("INSERT INTO \"AnnexACaseRows\"", StringComparison.Ordinal) && ++Inserts == n)
            {
                throw new InvalidOperationException("injected failure");
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
