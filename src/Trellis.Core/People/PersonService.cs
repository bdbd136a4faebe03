using Trellis.Core.Data;

namespace Trellis.Core.People;

/// <summary>Changes to people and their place in plans' key-leads tables.</summary>
public sealed class PersonService(TrellisDbContext db)
{
    internal TrellisDbContext Db => db;
}
