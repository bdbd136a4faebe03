using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;

namespace Trellis.Core.Import.Sheets;

/// <summary>Remembers, per organisation, the column mapping last confirmed for each spreadsheet layout.</summary>
public sealed class ImportLayoutService(TrellisDbContext db, TimeProvider clock)
{
    /// <summary>The mapping remembered for a layout, or null when there is none (or it can no longer be read).</summary>
    public async Task<ColumnMapping?> FindAsync(int organisationId, string signature, CancellationToken ct = default)
    {
        var json = await db.ImportLayouts.Where(l => l.OrganisationId == organisationId && l.Signature == signature)
            .Select(l => l.MappingJson).FirstOrDefaultAsync(ct);
        return json is null ? null : ColumnMapping.FromJson(json);
    }

    /// <summary>Remembers a mapping for a layout, replacing any earlier one.</summary>
    public async Task SaveAsync(int organisationId, string signature, ColumnMapping mapping, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signature);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(signature.Length, ImportLayout.SignatureMaxLength, nameof(signature));
        var json = mapping.ToJson();
        if (json.Length > ImportLayout.MappingJsonMaxLength)
        {
            throw new ArgumentException($"The mapping is longer than {ImportLayout.MappingJsonMaxLength} characters", nameof(mapping));
        }

        var layout = await db.ImportLayouts.FirstOrDefaultAsync(l => l.OrganisationId == organisationId && l.Signature == signature, ct);
        if (layout is null)
        {
            layout = new ImportLayout { OrganisationId = organisationId, Signature = signature };
            db.ImportLayouts.Add(layout);
        }

        layout.MappingJson = json;
        layout.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
