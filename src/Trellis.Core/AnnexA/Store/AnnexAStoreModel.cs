using Microsoft.EntityFrameworkCore;
using Trellis.Core.Accounts;
using Trellis.Core.Indicators;
using Trellis.Core.Plans;

namespace Trellis.Core.AnnexA.Store;

/// <summary>The Annex A store's tables, applied from <c>TrellisDbContext.OnModelCreating</c> in one line.</summary>
internal static class AnnexAStoreModel
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<AnnexAUpload>(b =>
        {
            b.Property(u => u.FileName).HasMaxLength(AnnexAUpload.FileNameMaxLength);
            b.Property(u => u.Sha256).HasMaxLength(64);
            b.Property(u => u.UploadedBy).HasMaxLength(AnnexAUpload.ByMaxLength);
            b.HasIndex(u => new { u.OrganisationId, u.Sha256 }).IsUnique();
            b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(u => u.Lists).WithOne().HasForeignKey(l => l.UploadId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AnnexAUploadList>(b =>
        {
            b.Property(l => l.PresentColumns).HasMaxLength(40);
            b.HasIndex(l => new { l.UploadId, l.List }).IsUnique();
        });

        builder.Entity<AnnexACaseRow>(b =>
        {
            b.Property(r => r.Key).HasMaxLength(AnnexACaseRow.KeyMaxLength);
            b.HasIndex(r => new { r.OrganisationId, r.List, r.Key }).IsUnique();
            b.HasIndex(r => new { r.OrganisationId, r.LastSeenExtract });
            b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AnnexACaseRead>(b =>
        {
            b.Property(r => r.What).HasMaxLength(AnnexACaseRead.WhatMaxLength);
            b.Property(r => r.UserId).HasMaxLength(450);
            b.HasIndex(r => new { r.OrganisationId, r.At });
            b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AnnexAPurge>(b => b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade));

        builder.Entity<AnnexAIndicatorLink>(b =>
        {
            b.HasKey(l => l.IndicatorId);
            b.Property(l => l.Measure).HasMaxLength(AnnexAIndicatorLink.MeasureMaxLength);
            b.Property(l => l.Team).HasMaxLength(AnnexAIndicatorLink.TeamMaxLength);
            b.HasOne<Indicator>().WithOne().HasForeignKey<AnnexAIndicatorLink>(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AnnexASettings>(b =>
        {
            b.HasKey(s => s.OrganisationId);
            b.HasOne<Organisation>().WithOne().HasForeignKey<AnnexASettings>(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TrellisUser>().Property(u => u.CanReadCaseData);
    }
}
