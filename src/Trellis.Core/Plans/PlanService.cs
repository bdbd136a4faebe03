using Trellis.Core.Data;

namespace Trellis.Core.Plans;

/// <summary>Every change to a plan and what it holds goes through here.</summary>
public sealed class PlanService(TrellisDbContext db, TimeProvider clock)
{
    internal TrellisDbContext Db => db;
    internal TimeProvider Clock => clock;
}
