using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Import;
using Trellis.Core.Indicators;
using Trellis.Core.Interchange;
using Trellis.Core.Monitoring;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Core.Reminders;
using Trellis.Core.Rounds;

namespace Trellis.Core.Data;

/// <summary>
/// The one model. Each database provider has a thin subclass only so that it can carry its own
/// migrations set (Migrations/Sqlite, Migrations/Postgres) in this assembly.
/// The audit actor and clock are optional so that tools and tests can build a context from options alone;
/// changes are then recorded as Trellis's own, at the system time.
/// </summary>
public abstract partial class TrellisDbContext(DbContextOptions options, Audit.IAuditActor? actor = null, TimeProvider? clock = null) : IdentityUserContext<TrellisUser>(options)
{
    private readonly Audit.IAuditActor _auditActor = actor ?? new Audit.SystemAuditActor();
    private readonly TimeProvider _auditClock = clock ?? TimeProvider.System;

    public DbSet<PlanMembership> PlanMemberships => Set<PlanMembership>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Judgement> Judgements => Set<Judgement>();
    public DbSet<RagRating> RagRatings => Set<RagRating>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaLead> AreaLeads => Set<AreaLead>();
    public DbSet<PlanAction> Actions => Set<PlanAction>();
    public DbSet<ActionOwner> ActionOwners => Set<ActionOwner>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PlanPerson> PlanPeople => Set<PlanPerson>();
    public DbSet<MonitoringEntry> MonitoringEntries => Set<MonitoringEntry>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorBreakdown> IndicatorBreakdowns => Set<IndicatorBreakdown>();
    public DbSet<IndicatorValueRevision> IndicatorValueRevisions => Set<IndicatorValueRevision>();
    public DbSet<Comparator> Comparators => Set<Comparator>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<PlanImportRecord> PlanImportRecords => Set<PlanImportRecord>();
    public DbSet<Import.Sheets.ImportLayout> ImportLayouts => Set<Import.Sheets.ImportLayout>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();
    public DbSet<RoundNarrative> RoundNarratives => Set<RoundNarrative>();
    public DbSet<SelfAssessmentEntry> SelfAssessmentEntries => Set<SelfAssessmentEntry>();
    public DbSet<ImprovementLogEntry> ImprovementLogEntries => Set<ImprovementLogEntry>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<AnnexA.Store.AnnexAUpload> AnnexAUploads => Set<AnnexA.Store.AnnexAUpload>();
    public DbSet<AnnexA.Store.AnnexACaseRow> AnnexACaseRows => Set<AnnexA.Store.AnnexACaseRow>();
    public DbSet<AnnexA.Store.AnnexACaseRead> AnnexACaseReads => Set<AnnexA.Store.AnnexACaseRead>();
    public DbSet<AnnexA.Store.AnnexAPurge> AnnexAPurges => Set<AnnexA.Store.AnnexAPurge>();
    public DbSet<AnnexA.Store.AnnexAIndicatorLink> AnnexAIndicatorLinks => Set<AnnexA.Store.AnnexAIndicatorLink>();
    public DbSet<AnnexA.Store.AnnexASettings> AnnexASettings => Set<AnnexA.Store.AnnexASettings>();
    public DbSet<SignOffs.SignOffRequest> SignOffRequests => Set<SignOffs.SignOffRequest>();
    public DbSet<SignOffs.SignOffEvidence> SignOffEvidence => Set<SignOffs.SignOffEvidence>();
    public DbSet<Accounts.ApiToken> ApiTokens => Set<Accounts.ApiToken>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<TrellisUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(TrellisUser.DisplayNameMaxLength);
            b.HasIndex(u => u.OrganisationId);
            b.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
            b.HasMany(u => u.Memberships).WithOne(m => m.User).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PlanMembership>(b =>
        {
            b.HasIndex(m => new { m.PlanId, m.UserId }).IsUnique();
            b.HasIndex(m => m.UserId);
            b.HasOne(m => m.Plan).WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        ConfigureAudit(builder);
        AnnexA.Store.AnnexAStoreModel.Apply(builder);
        builder.ApplyConfiguration(new SignOffs.SignOffRequestConfiguration());
        builder.ApplyConfiguration(new SignOffs.SignOffEvidenceConfiguration());
        builder.ApplyConfiguration(new Accounts.ApiTokenConfiguration());

        builder.Entity<Import.Sheets.ImportLayout>(b =>
        {
            b.Property(l => l.Signature).HasMaxLength(Import.Sheets.ImportLayout.SignatureMaxLength);
            b.Property(l => l.MappingJson).HasMaxLength(Import.Sheets.ImportLayout.MappingJsonMaxLength);
            b.HasIndex(l => new { l.OrganisationId, l.Signature }).IsUnique();
            b.HasOne(l => l.Organisation).WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Organisation>(b =>
        {
            b.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
            b.HasMany(o => o.Plans).WithOne(p => p.Organisation).HasForeignKey(p => p.OrganisationId);
            b.HasMany(o => o.People).WithOne().HasForeignKey(p => p.OrganisationId);
        });

        builder.Entity<Plan>(b =>
        {
            b.Property(p => p.Title).HasMaxLength(Plan.TitleMaxLength);
            b.HasIndex(p => p.OrganisationId);
            b.HasOne(p => p.Inspection).WithOne(i => i.Plan).HasForeignKey<Inspection>(i => i.PlanId);
            b.HasMany(p => p.RagRatings).WithOne().HasForeignKey(r => r.PlanId);
            b.HasMany(p => p.Themes).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId);
            b.HasMany(p => p.Areas).WithOne(a => a.Plan).HasForeignKey(a => a.PlanId);
            b.HasMany(p => p.KeyLeads).WithOne(k => k.Plan).HasForeignKey(k => k.PlanId);
            b.HasMany(p => p.Indicators).WithOne().HasForeignKey(i => i.PlanId);
        });

        builder.Entity<Inspection>(b =>
        {
            b.Property(i => i.Framework).HasMaxLength(Inspection.FrameworkMaxLength);
            b.HasMany(i => i.Judgements).WithOne().HasForeignKey(j => j.InspectionId);
        });

        builder.Entity<Judgement>(b =>
        {
            b.Property(j => j.Area).HasMaxLength(Judgement.AreaMaxLength);
            b.Property(j => j.GradeText).HasMaxLength(Judgement.GradeTextMaxLength);
        });

        builder.Entity<RagRating>(b =>
        {
            b.Property(r => r.Code).HasMaxLength(RagRating.CodeMaxLength);
            b.Property(r => r.Label).HasMaxLength(RagRating.LabelMaxLength);
            b.Property(r => r.Meaning).HasMaxLength(RagRating.MeaningMaxLength);
            b.HasIndex(r => new { r.PlanId, r.Scale, r.Code }).IsUnique();
        });

        builder.Entity<Theme>(b =>
        {
            b.Property(t => t.Key).HasMaxLength(Theme.KeyMaxLength);
            b.Property(t => t.Title).HasMaxLength(Theme.TitleMaxLength);
            b.HasMany(t => t.Areas).WithOne(a => a.Theme).HasForeignKey(a => a.ThemeId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Area>(b =>
        {
            b.Property(a => a.Number).HasMaxLength(Area.NumberMaxLength);
            b.Property(a => a.Title).HasMaxLength(Area.TitleMaxLength);
            b.Property(a => a.SourceReference).HasMaxLength(Area.SourceReferenceMaxLength);
            b.Property(a => a.RagCode).HasMaxLength(RagRating.CodeMaxLength);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.HasMany(a => a.Leads).WithOne().HasForeignKey(l => l.AreaId);
            b.HasMany(a => a.Actions).WithOne(x => x.Area).HasForeignKey(x => x.AreaId);
            b.HasMany(a => a.Monitoring).WithOne().HasForeignKey(m => m.AreaId);
        });

        builder.Entity<AreaLead>(b =>
        {
            b.Property(l => l.Text).HasMaxLength(ActionOwner.TextMaxLength);
            b.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<PlanAction>(b =>
        {
            b.ToTable("Actions");
            b.Property(a => a.Ref).HasMaxLength(PlanAction.RefMaxLength);
            b.Property(a => a.Text).HasMaxLength(PlanAction.TextMaxLength);
            b.Property(a => a.Comments).HasMaxLength(PlanAction.CommentsMaxLength);
            b.Property(a => a.RagCode).HasMaxLength(RagRating.CodeMaxLength);
            b.Property(a => a.Version).IsConcurrencyToken();
            b.ComplexProperty(a => a.Due, d => d.Property(x => x.Text).HasMaxLength(Due.TextMaxLength));
            b.HasMany(a => a.Owners).WithOne().HasForeignKey(o => o.ActionId);
            b.HasMany(a => a.Milestones).WithOne(m => m.Action).HasForeignKey(m => m.ActionId);
        });

        builder.Entity<ActionOwner>(b =>
        {
            b.Property(o => o.Text).HasMaxLength(ActionOwner.TextMaxLength);
            b.HasOne(o => o.Person).WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(o => o.PersonId);
        });

        builder.Entity<Milestone>(b =>
        {
            b.Property(m => m.Text).HasMaxLength(Milestone.TextMaxLength);
            b.ComplexProperty(m => m.Due, d => d.Property(x => x.Text).HasMaxLength(Due.TextMaxLength));
        });

        builder.Entity<Person>(b =>
        {
            b.Property(p => p.Initials).HasMaxLength(Person.InitialsMaxLength);
            b.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
            b.Property(p => p.JobTitle).HasMaxLength(Person.JobTitleMaxLength);
            b.Property(p => p.Agency).HasMaxLength(Person.AgencyMaxLength);
            b.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
            b.Ignore(p => p.DisplayName);
        });

        builder.Entity<PlanPerson>(b =>
        {
            b.HasKey(k => new { k.PlanId, k.PersonId });
            b.HasOne(k => k.Person).WithMany().HasForeignKey(k => k.PersonId);
        });

        builder.Entity<MonitoringEntry>(b =>
        {
            b.Property(m => m.Period).HasMaxLength(MonitoringEntry.PeriodMaxLength);
            b.Property(m => m.ProgressRag).HasMaxLength(RagRating.CodeMaxLength);
            b.Property(m => m.ImpactRag).HasMaxLength(RagRating.CodeMaxLength);
            b.Property(m => m.Commentary).HasMaxLength(MonitoringEntry.TextMaxLength);
            b.Property(m => m.FurtherActions).HasMaxLength(MonitoringEntry.TextMaxLength);
            b.HasIndex(m => new { m.AreaId, m.Period }).IsUnique();
            b.HasOne<Round>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Indicator>(b =>
        {
            b.Property(i => i.Key).HasMaxLength(Indicator.KeyMaxLength);
            b.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength);
            b.Property(i => i.TargetText).HasMaxLength(Indicator.TargetTextMaxLength);
            b.Property(i => i.Source).HasMaxLength(Indicator.SourceMaxLength);
            b.HasIndex(i => new { i.PlanId, i.Key }).IsUnique();
            b.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId);
            b.HasMany(i => i.Comparators).WithOne().HasForeignKey(c => c.IndicatorId);
            b.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId);
            b.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<IndicatorTarget>(b =>
        {
            b.Property(t => t.Text).HasMaxLength(Indicator.TargetTextMaxLength);
            b.HasIndex(t => new { t.IndicatorId, t.From });
        });

        builder.Entity<IndicatorBreakdown>(b =>
        {
            b.Property(x => x.Dimension).HasMaxLength(IndicatorBreakdown.DimensionMaxLength);
            b.Property(x => x.Category).HasMaxLength(IndicatorBreakdown.CategoryMaxLength);
            b.Property(x => x.Text).HasMaxLength(IndicatorValue.TextMaxLength);
            b.HasIndex(x => new { x.IndicatorValueId, x.Dimension, x.Category }).IsUnique();
        });

        builder.Entity<IndicatorValueRevision>(b =>
        {
            b.Property(r => r.Text).HasMaxLength(IndicatorValue.TextMaxLength);
            b.Property(r => r.Note).HasMaxLength(IndicatorValue.NoteMaxLength);
            b.Property(r => r.Source).HasMaxLength(IndicatorValue.SourceMaxLength);
            b.Property(r => r.ReplacedBy).HasMaxLength(IndicatorValue.SourceMaxLength);
            b.HasIndex(r => r.IndicatorValueId);
        });

        builder.Entity<IndicatorValue>(b =>
        {
            b.Property(v => v.Period).HasMaxLength(IndicatorValue.PeriodMaxLength);
            b.Property(v => v.Text).HasMaxLength(IndicatorValue.TextMaxLength);
            b.Property(v => v.Note).HasMaxLength(IndicatorValue.NoteMaxLength);
            b.Property(v => v.Source).HasMaxLength(IndicatorValue.SourceMaxLength);
            b.HasIndex(v => new { v.IndicatorId, v.Period }).IsUnique();
            b.HasMany(v => v.Breakdowns).WithOne().HasForeignKey(x => x.IndicatorValueId);
            b.HasMany(v => v.Revisions).WithOne().HasForeignKey(r => r.IndicatorValueId);
        });

        builder.Entity<Comparator>(b =>
        {
            b.Property(c => c.Name).HasMaxLength(Comparator.NameMaxLength);
            b.Property(c => c.Period).HasMaxLength(Comparator.PeriodMaxLength);
            b.Property(c => c.Source).HasMaxLength(Comparator.SourceMaxLength);
        });

        builder.Entity<PendingImport>(b =>
        {
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.SourceName).HasMaxLength(PendingImport.SourceNameMaxLength);
            b.HasIndex(p => p.OrganisationId);
            b.HasIndex(p => p.CreatedAt);
            b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Round>(b =>
        {
            b.Property(r => r.Name).HasMaxLength(Round.NameMaxLength);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.HasOne(r => r.Plan).WithMany(p => p.Rounds).HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.PlanId, r.Name }).IsUnique();
            b.HasMany(r => r.ActionUpdates).WithOne().HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Narratives).WithOne().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.SelfAssessment).WithOne().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActionUpdate>(b =>
        {
            b.Property(u => u.RagCode).HasMaxLength(RagRating.CodeMaxLength);
            b.Property(u => u.SuggestedRagCode).HasMaxLength(RagRating.CodeMaxLength);
            b.Property(u => u.RagReason).HasMaxLength(ActionUpdate.ReasonMaxLength);
            b.Property(u => u.Note).HasMaxLength(ActionUpdate.NoteMaxLength);
            b.Property(u => u.UpdatedBy).HasMaxLength(ActionUpdate.ByMaxLength);
            b.HasOne(u => u.Action).WithMany().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(u => new { u.RoundId, u.ActionId }).IsUnique();
        });

        builder.Entity<RoundNarrative>(b =>
        {
            b.Property(n => n.Heading).HasMaxLength(RoundNarrative.HeadingMaxLength);
            b.Property(n => n.Body).HasMaxLength(RoundNarrative.BodyMaxLength);
        });

        builder.Entity<SelfAssessmentEntry>(b =>
        {
            b.Property(s => s.AreaForImprovement).HasMaxLength(SelfAssessmentEntry.TextMaxLength);
            b.Property(s => s.WhatWeHaveDone).HasMaxLength(SelfAssessmentEntry.TextMaxLength);
            b.Property(s => s.ImpactOnPractice).HasMaxLength(SelfAssessmentEntry.TextMaxLength);
        });

        builder.Entity<ImprovementLogEntry>(b =>
        {
            b.Property(l => l.WhatWeHaveDone).HasMaxLength(ImprovementLogEntry.TextMaxLength);
            b.Property(l => l.Why).HasMaxLength(ImprovementLogEntry.TextMaxLength);
            b.Property(l => l.When).HasMaxLength(ImprovementLogEntry.WhenMaxLength);
            b.HasOne<Plan>().WithMany(p => p.ImprovementLog).HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReminderDelivery>(b =>
        {
            b.Property(d => d.Subject).HasMaxLength(ReminderDelivery.SubjectMaxLength);
            b.Property(d => d.Error).HasMaxLength(ReminderDelivery.ErrorMaxLength);
            b.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);

            // The claim: one digest per person per day, whichever process gets there first.
            b.HasIndex(d => new { d.PersonId, d.DigestDate }).IsUnique();
            b.HasIndex(d => new { d.OrganisationId, d.DigestDate });
        });

        builder.Entity<PlanImportRecord>(b =>
        {
            b.Property(r => r.SourceName).HasMaxLength(PlanImportRecord.SourceNameMaxLength);
            b.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.PlanId, r.ImportedAt });
        });
    }
}

public sealed class SqliteTrellisDbContext(DbContextOptions<SqliteTrellisDbContext> options, Audit.IAuditActor? actor = null, TimeProvider? clock = null)
    : TrellisDbContext(options, actor, clock);

public sealed class PostgresTrellisDbContext(DbContextOptions<PostgresTrellisDbContext> options, Audit.IAuditActor? actor = null, TimeProvider? clock = null)
    : TrellisDbContext(options, actor, clock);
