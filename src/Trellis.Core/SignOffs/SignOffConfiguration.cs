using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trellis.Core.SignOffs;

internal sealed class SignOffRequestConfiguration : IEntityTypeConfiguration<SignOffRequest>
{
    public void Configure(EntityTypeBuilder<SignOffRequest> b)
    {
        b.Property(r => r.RequestedByUserId).HasMaxLength(SignOffRequest.UserIdMaxLength);
        b.Property(r => r.RequestedByName).HasMaxLength(SignOffRequest.NameMaxLength);
        b.Property(r => r.Note).HasMaxLength(SignOffRequest.NoteMaxLength);
        b.Property(r => r.DecidedByUserId).HasMaxLength(SignOffRequest.UserIdMaxLength);
        b.Property(r => r.DecidedByName).HasMaxLength(SignOffRequest.NameMaxLength);
        b.Property(r => r.Reason).HasMaxLength(SignOffRequest.ReasonMaxLength);
        b.HasOne(r => r.Action).WithMany().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.ActionId);

        // One pending request per action, even when two people press the button at once.
        b.HasIndex(r => r.ActionId, "IX_SignOffRequests_ActionId_Pending").IsUnique().HasFilter("\"Decision\" IS NULL");
    }
}

internal sealed class SignOffEvidenceConfiguration : IEntityTypeConfiguration<SignOffEvidence>
{
    public void Configure(EntityTypeBuilder<SignOffEvidence> b)
    {
        b.ToTable("SignOffEvidence");
        b.Property(f => f.FileName).HasMaxLength(SignOffEvidence.FileNameMaxLength);
        b.Property(f => f.ContentType).HasMaxLength(SignOffEvidence.ContentTypeMaxLength);
        b.HasIndex(f => f.ActionId);
    }
}
