namespace Trellis.Core.Owners;

/// <summary>Someone an owner can resolve to: a plan's key lead.</summary>
public sealed record KnownPerson(int Id, string? Initials, string? Name, string? JobTitle = null);

/// <summary>One owner read from a cell: a resolved person, or the text as written with a warning.</summary>
public sealed record OwnerReading(string Text, int? PersonId, string? Warning)
{
    public bool IsResolved => PersonId is not null;
}

/// <summary>Reads owners as councils write them ("SK/JS", "BN SW", "Paul King", "Chair of PSCB").</summary>
public static class OwnerReader
{
    public static IReadOnlyList<OwnerReading> Read(string? text, IReadOnlyCollection<KnownPerson> people)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        // Placeholder until the full reader lands: exact name or initials only.
        var match = people.FirstOrDefault(p =>
            string.Equals(p.Name, trimmed, StringComparison.Ordinal)
            || string.Equals(p.Initials, trimmed, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? [new OwnerReading(trimmed, null, $"'{trimmed}' does not match anyone in the key leads table")]
            : [new OwnerReading(trimmed, match.Id, null)];
    }
}
