using System.Globalization;
using Trellis.Indicators.AnnexA;

namespace Trellis.AnnexA.CrossCheck;

/// <summary>Where the engine's results and DuckDB's figures differ: overall N, D and value, and each team's.</summary>
public static class AnnexACrossCompare
{
    public static List<string> Differences(AnnexAResults engine, IReadOnlyList<DuckDbFigure> duck, int population)
    {
        var mismatches = new List<string>();
        var byKey = duck.ToDictionary(f => (f.Indicator, f.Group));
        foreach (var indicator in engine.Indicators)
        {
            var id = indicator.Id.ToString(CultureInfo.InvariantCulture);
            var rate = indicator.Unit == IndicatorUnit.RatePer10000;

            // DuckDB has no row for an indicator without denominator rows.
            var sql = byKey.GetValueOrDefault((id, "all")) ?? new DuckDbFigure(id, "all", 0, rate ? population : 0, rate ? 0m : null);
            if (indicator.Numerator != sql.N || indicator.Denominator != (sql.D ?? 0) || indicator.Value != sql.Value)
            {
                mismatches.Add($"{id} {indicator.Key}: engine {indicator.Numerator}/{indicator.Denominator} = {indicator.Value} ({indicator.Status} {indicator.Reason}); DuckDB {sql.N}/{sql.D} = {sql.Value}");
            }

            var teams = indicator.Breakdowns.Where(b => b.Dimension == BreakdownDimension.Team && b.Reason != "no team column").ToList();
            foreach (var team in teams.Where(t => rate ? t.Numerator > 0 : t.Denominator > 0))
            {
                var figure = byKey.GetValueOrDefault((id, "team:" + team.Group));
                if (figure is null || figure.N != team.Numerator || (!rate && (figure.D != team.Denominator || figure.Value != team.Value)))
                {
                    mismatches.Add($"{id} team {team.Group}: engine {team.Numerator}/{team.Denominator} = {team.Value}; DuckDB {figure?.N}/{figure?.D} = {figure?.Value}");
                }
            }

            foreach (var figure in duck.Where(f => f.Indicator == id && f.Group.StartsWith("team:", StringComparison.Ordinal)))
            {
                if (!teams.Any(t => "team:" + t.Group == figure.Group && (t.Denominator > 0 || t.Numerator > 0)))
                {
                    mismatches.Add($"{id} {figure.Group}: DuckDB {figure.N}/{figure.D}, not in the engine's breakdown");
                }
            }
        }

        return mismatches;
    }
}
