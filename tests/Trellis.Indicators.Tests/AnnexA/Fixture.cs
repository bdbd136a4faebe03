using System.Globalization;
using System.Text;
using Trellis.Indicators.AnnexA;

namespace Trellis.Indicators.Tests.AnnexA;

/// <summary>
/// A hand-computed oracle file (see Fixtures/README.md): lists as header and `|` rows, then runs
/// with the figures expected. Every expectation is checked and all misses reported together.
/// </summary>
internal sealed class Fixture
{
    private readonly List<(AnnexAList List, string Source, string[] Headers, List<string[]> Rows)> lists = [];
    private readonly List<(int Line, AnnexAOptions Options, List<(int Line, string[] Tokens)> Expects)> runs = [];

    public string Name { get; private init; } = string.Empty;

    public int ExpectationCount => runs.Sum(r => r.Expects.Count);

    public IEnumerable<int> IndicatorIds => runs.SelectMany(r => r.Expects)
        .Select(e => int.TryParse(e.Tokens[0], CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0);

    public static Fixture Load(string path)
    {
        var fixture = new Fixture { Name = Path.GetFileName(path) };
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tokens = Tokens(line);
            switch (tokens[0])
            {
                case "list":
                    var list = (AnnexAList)int.Parse(tokens[1], CultureInfo.InvariantCulture);
                    var source = tokens.Length > 2 ? tokens[2] : $"list{tokens[1]}";
                    var headers = Cells(lines[++i]);
                    var rows = new List<string[]>();
                    while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0)
                    {
                        if (!lines[++i].TrimStart().StartsWith('#'))
                        {
                            rows.Add(Cells(lines[i]));
                        }
                    }

                    fixture.lists.Add((list, source, headers, rows));
                    break;
                case "run":
                    fixture.runs.Add((i + 1, ParseOptions(tokens.Skip(1)), []));
                    break;
                case "expect":
                    fixture.runs[^1].Expects.Add((i + 1, tokens[1..]));
                    break;
                default:
                    throw new FormatException($"{path} line {i + 1}: unknown directive '{tokens[0]}'.");
            }
        }

        return fixture;
    }

    public AnnexAData Build()
    {
        var builder = new AnnexADataBuilder();
        foreach (var (list, source, headers, rows) in lists)
        {
            TestRow.Push(builder, list, headers, rows, source);
        }

        return builder.Build();
    }

    /// <summary>Every expectation that does not hold, as "line N: ..." messages.</summary>
    public List<string> Check()
    {
        var data = Build();
        var failures = new List<string>();
        foreach (var (line, options, expects) in runs)
        {
            AnnexAResults results;
            try
            {
                results = AnnexAEngine.Compute(data, options);
            }
            catch (ArgumentException e)
            {
                failures.Add($"line {line}: run failed: {e.Message}");
                continue;
            }

            foreach (var (expectLine, tokens) in expects)
            {
                var miss = CheckOne(data, results, tokens);
                if (miss is not null)
                {
                    failures.Add($"{Name} line {expectLine}: {string.Join(' ', tokens)} -> {miss}");
                }
            }
        }

        return failures;
    }

    private static string? CheckOne(AnnexAData data, AnnexAResults results, string[] t)
    {
        switch (t[0])
        {
            case "window":
                return Same(t[1], results.WindowStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case "coverage":
                return Same($"{t[1]} {t[2]}", results.Coverage is { } c ? $"{c.C0:yyyy-MM-dd} {c.C1:yyyy-MM-dd}" : "none none");
            case "rows":
                var report = data.Report((AnnexAList)int.Parse(t[1], CultureInfo.InvariantCulture));
                var actual = report is null ? "absent" : $"kept={report.RowsKept} duplicates={report.DuplicateRows} blankid={report.BlankIdRows} blank={report.BlankRows}";
                return Same(string.Join(' ', t[2..]), actual);
            case "unreadable":
                var r = data.Report((AnnexAList)int.Parse(t[1], CultureInfo.InvariantCulture))!;
                var column = r.Unreadable.FirstOrDefault(u => u.Column == t[2]);
                return Same(t[3], (column?.Count ?? 0).ToString(CultureInfo.InvariantCulture));
            default:
                break;
        }

        var id = int.Parse(t[0], CultureInfo.InvariantCulture);
        var indicator = results.Indicators.Single(x => x.Id == id);
        var k = 1;
        string value, n, d, status;
        string? reason;
        if (t[k].Contains('=', StringComparison.Ordinal))
        {
            var (dimension, group) = (t[k][..t[k].IndexOf('=', StringComparison.Ordinal)], t[k][(t[k].IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var dim = dimension switch
            {
                "team" => BreakdownDimension.Team,
                "worker" => BreakdownDimension.Worker,
                "band" => BreakdownDimension.AgeBand,
                _ => throw new FormatException($"unknown breakdown '{dimension}'"),
            };
            var groups = indicator.Breakdowns.Where(b => b.Dimension == dim).ToList();
            if (t[k + 1] == "groups")
            {
                return Same(string.Join(',', t[(k + 2)..]), string.Join(',', groups.Select(g => g.Group)));
            }

            var b = groups.SingleOrDefault(g => g.Group == group);
            if (b is null)
            {
                return $"no {dimension} group '{group}' (have {string.Join(", ", groups.Select(g => g.Group))})";
            }

            (value, n, d, status, reason) = (Show(b.Value), Show(b.Numerator), Show(b.Denominator), b.Status.ToString().ToLowerInvariant(), b.Reason);
            k++;
        }
        else
        {
            (value, n, d, status, reason) = (Show(indicator.Value), Show(indicator.Numerator), Show(indicator.Denominator), indicator.Status.ToString().ToLowerInvariant(), indicator.Reason);
        }

        var expected = $"{t[k]} {t[k + 1]} {t[k + 2]}" + (t.Length > k + 3 ? $" {t[k + 3]}" : string.Empty);
        var got = $"{value} {n}/{d} {status}" + (t.Length > k + 3 ? $" {reason}" : string.Empty);
        return Same(expected, got);
    }

    private static string? Same(string expected, string actual) => expected == actual ? null : $"got {actual}";

    private static string Show(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "null";

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static AnnexAOptions ParseOptions(IEnumerable<string> tokens)
    {
        var options = new AnnexAOptions();
        foreach (var token in tokens)
        {
            var (key, value) = (token[..token.IndexOf('=', StringComparison.Ordinal)], token[(token.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            options = key switch
            {
                "R" => options with { ReferenceDate = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "w" => options with { WindowMonths = int.Parse(value, CultureInfo.InvariantCulture) },
                "P" => options with { Population = int.Parse(value, CultureInfo.InvariantCulture) },
                "bands" => options with
                {
                    BandPopulations = value.Split(';').Select(p => p.Split(':')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture)),
                },
                _ => throw new FormatException($"unknown option '{key}'"),
            };
        }

        return options;
    }

    private static string[] Cells(string line) => line.Split('|').Select(c => c.Trim()).ToArray();

    /// <summary>Space-separated tokens; "double quotes" group words (kept without the quotes).</summary>
    private static string[] Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens.ToArray();
    }
}
