using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Trellis.Core.AnnexA.Synthetic;

namespace Trellis.AnnexA.CrossCheck;

/// <summary>One indicator's figures from DuckDB: <see cref="Group"/> is "all" or "team:NAME".</summary>
public sealed record DuckDbFigure(string Indicator, string Group, long N, long? D, decimal? Value);

/// <summary>
/// Computes the Annex A indicators from a folder of list CSVs with DuckDB's own read_csv and
/// annexa-indicators.sql: an independent check on the engine, shared by the cross-check tests and
/// the benchmark. Headers are matched here (DEFINITIONS §1.1: casefold, keep a-z and 0-9, leftmost
/// wins); everything else (values, duplicates, windows, working days) is in the SQL.
/// </summary>
public static class AnnexADuckDb
{
    /// <summary>Per list: the file's number, the template column each SQL alias reads.</summary>
    private static readonly (int List, (string Alias, string Column)[] Columns)[] Lists =
    [
        (1, [("id", "Child Unique ID"), ("dob", "Date of Birth"), ("d", "Date of Contact"), ("source", "Contact Source")]),
        (3, [("id", "Child Unique ID"), ("d", "Date of referral"), ("source", "Referral Source"), ("nfa", "Referral NFA?"),
             ("n12", "Number of Referrals in Last 12 Months"), ("team", "Allocated Team")]),
        (4, [("id", "Child Unique ID"), ("s", "Continuous Assessment Start Date"), ("seen", "Child Seen During Continuous Assessment"),
             ("a", "Continuous Assessment Date of Authorisation"), ("team", "Allocated Team")]),
        (5, [("id", "Child Unique ID"), ("s", "Strategy discussion initiating Section 47 Enquiry Start Date"),
             ("unn", "Was an Initial Child Protection Conference deemed unnecessary?"), ("icpc", "Date of Initial Child Protection Conference"),
             ("res", "Did the Initial Child Protection Conference Result in a Child Protection Plan"), ("team", "Allocated Team")]),
        (6, [("id", "Child Unique ID"), ("s", "CIN Start Date"), ("e", "CIN Closure Date"), ("seen", "Date Child Was Last Seen"),
             ("status", "Case status"), ("team", "Allocated Team")]),
        (7, [("id", "Child Unique ID"), ("s", "Child Protection Plan Start Date"), ("e", "Child Protection Plan End Date"),
             ("visit", "Date of the Last Statutory Visit"), ("review", "Date of latest review conference"),
             ("prev", "Number of Previous Child Protection Plans"), ("team", "Allocated Team")]),
        (8, [("id", "Child Unique ID"), ("dob", "Date of Birth"), ("s", "Date Started to be Looked After"), ("e", "Date Ceased to be Looked After"),
             ("pl", "Number of Placements in the Last 12 months"), ("ps", "Start Date of Most Recent Placement"),
             ("health", "Date of Last Health Assessment"), ("team", "Allocated Team")]),
        (9, [("id", "Child Unique ID"), ("dob", "Date of Birth"), ("act", "Activity Status"), ("suit", "Suitability of Accommodation"), ("team", "Allocated Team")]),
        (10, [("id", "Child Unique ID"), ("entered", "Date the Child Entered Care"), ("decision", "Date of Decision that Child Should be Placed for Adoption"),
              ("po", "Date of Placement Order"), ("matching", "Date of Matching Child and Prospective Adopters"), ("placed", "Date Placed for Adoption"),
              ("ao", "Date of Adoption Order"), ("ffa", "Date the child was placed for fostering in FFA or concurrent planning placement")]),
    ];

    public static string SqlPath => Path.Combine(AppContext.BaseDirectory, "AnnexA", "annexa-indicators.sql");

    /// <summary>All indicators at <paramref name="r"/> over a window of <paramref name="windowMonths"/> months.</summary>
    public static IReadOnlyList<DuckDbFigure> Compute(string folder, DateOnly r, int windowMonths, int? population)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, BankHolidaysSql());
        var load = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (list, columns) in Lists)
        {
            Execute(connection, RawListSql(folder, list, columns));
        }

        if (Environment.GetEnvironmentVariable("TRELLIS_DUCKDB_PROFILE") is { Length: > 0 })
        {
            Console.Error.WriteLine($"  duckdb {load.ElapsedMilliseconds,7} ms  read_csv of every list");
        }

        var s = AnnexAGenerator.WindowStart(r, windowMonths);
        var sql = File.ReadAllText(SqlPath)
            .Replace("{{R}}", Literal(r), StringComparison.Ordinal)
            .Replace("{{S}}", Literal(s), StringComparison.Ordinal)
            .Replace("{{P}}", population?.ToString(CultureInfo.InvariantCulture) ?? "CAST(NULL AS BIGINT)", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("TRELLIS_DUCKDB_PROFILE") is { Length: > 0 })
        {
            // One statement at a time, each timed on stderr, to see where the SQL spends its time.
            foreach (var statement in System.Text.RegularExpressions.Regex.Split(sql, @";[ \t]*\r?\n").Where(t => t.Trim().Length > 0))
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                Execute(connection, statement);
                var first = statement.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal));
                Console.Error.WriteLine($"  duckdb {watch.ElapsedMilliseconds,7} ms  {first[..Math.Min(first.Length, 90)]}");
            }
        }
        else
        {
            Execute(connection, sql);
        }

        var figures = new List<DuckDbFigure>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ind, grp, n, d, CAST(value10 AS BIGINT) FROM results ORDER BY ind, grp";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            figures.Add(new DuckDbFigure(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4) / 10m));
        }

        return figures;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Literal(DateOnly date) => $"DATE '{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    private static string BankHolidaysSql()
    {
        var sql = new StringBuilder("CREATE OR REPLACE TEMP TABLE bank_holidays(d DATE); INSERT INTO bank_holidays VALUES ");
        sql.AppendJoin(", ", Enumerable.Range(1900, 200).SelectMany(Trellis.Indicators.Calendar.BankHolidays.EnglandAndWales).Select(d => $"({Literal(d)})"));
        return sql.Append(';').ToString();
    }

    private static string RawListSql(string folder, int list, (string Alias, string Column)[] columns)
    {
        var path = Directory.EnumerateFiles(folder, $"list_{list}_*.csv").Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new FileNotFoundException($"{folder}: no list_{list}_*.csv");
        var headers = ReadHeaders(path);
        var normalised = headers.Select(Normalise).ToList();
        var select = new List<string> { "row_number() OVER () AS rn" };
        foreach (var (alias, column) in columns)
        {
            var index = normalised.IndexOf(Normalise(column));
            if (index < 0)
            {
                throw new InvalidDataException($"{path}: no column '{column}'");
            }

            select.Add($"c{index} AS {alias}");
        }

        var types = string.Join(", ", headers.Select((_, i) => $"'c{i}': 'VARCHAR'"));
        return $"CREATE OR REPLACE TEMP TABLE raw_l{list} AS SELECT {string.Join(", ", select)} FROM read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', "
            + $"header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', null_padding = true, columns = {{{types}}});";
    }

    /// <summary>§1.1: casefold and keep only a-z and 0-9.</summary>
    public static string Normalise(string header) =>
        string.Concat(header.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')));

    private static List<string> ReadHeaders(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty file");
        var headers = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                headers.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        headers.Add(cell.ToString());
        return headers;
    }
}
