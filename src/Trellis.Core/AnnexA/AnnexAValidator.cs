using System.Globalization;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>
/// A receiver that checks every row as it passes (and hands it on to an inner receiver, if any): unreadable dates and
/// counts, unknown codes, spreadsheet errors, blank identifiers and key dates, duplicate rows (keys of DEFINITIONS §1.3).
/// It keeps going past bad rows. Messages name the place and never a value.
/// </summary>
public sealed class AnnexAValidator(AnnexAReadLog log, IAnnexAReceiver? inner = null) : IAnnexAReceiver
{
    /// <summary>Row-level findings listed per column; past this, only counted.</summary>
    public const int RowsListedPerColumn = 20;

    private readonly Dictionary<AnnexAList, ListCheck> _checks = [];

    public IAnnexARowSink? BeginList(AnnexAList list, IReadOnlyList<string> headers, string source)
    {
        var found = log.Current ?? throw new InvalidOperationException("The validator reads the log its reader fills; pass the same log to both");
        var check = new ListCheck(list, found, headers, inner?.BeginList(list, headers, source));
        _checks[list] = check;
        return check;
    }

    /// <summary>Reads the path through a validator (and on into the inner receiver) and returns the report.</summary>
    public static AnnexAValidationReport Validate(string path, IAnnexAReceiver? inner = null, CancellationToken cancellationToken = default)
    {
        var log = new AnnexAReadLog();
        var validator = new AnnexAValidator(log, inner);
        AnnexAReader.Read(path, validator, log, cancellationToken);
        return validator.Report(path, log);
    }

    public AnnexAValidationReport Report(string path, AnnexAReadLog readLog)
    {
        var lists = AnnexALists.All.Select(list => _checks.TryGetValue(list, out var check)
            ? check.Report()
            : new AnnexAListReport(list, list.Title(), false, null, null, null, 0, 0, 0, [], [], [], [])).ToList();
        return new AnnexAValidationReport(path, lists, readLog.Skipped);
    }

    /// <summary>The columns each indicator needs (DEFINITIONS §4), to say which indicators a missing column stops.</summary>
    internal static readonly Dictionary<int, (AnnexAList List, string[] Columns)> IndicatorColumns = new()
    {
        [1] = (AnnexAList.Contacts, ["Child Unique ID", "Date of Contact"]),
        [2] = (AnnexAList.Contacts, ["Child Unique ID", "Date of Contact"]),
        [3] = (AnnexAList.Referrals, ["Child Unique ID", "Date of referral"]),
        [4] = (AnnexAList.Referrals, ["Child Unique ID", "Date of referral"]),
        [5] = (AnnexAList.Referrals, ["Child Unique ID", "Date of referral", "Referral NFA?"]),
        [6] = (AnnexAList.Assessments, ["Child Unique ID", "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"]),
        [7] = (AnnexAList.Assessments, ["Child Unique ID", "Continuous Assessment Date of Authorisation", "Child Seen During Continuous Assessment"]),
        [8] = (AnnexAList.Section47, ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date"]),
        [9] = (AnnexAList.Section47, ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date", "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference"]),
        [10] = (AnnexAList.Section47, ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference"]),
        [11] = (AnnexAList.Section47, ["Child Unique ID", "Date of Initial Child Protection Conference", "Did the Initial Child Protection Conference Result in a Child Protection Plan"]),
        [12] = (AnnexAList.ChildProtection, ["Child Unique ID", "Child Protection Plan Start Date", "Child Protection Plan End Date"]),
        [13] = (AnnexAList.ChildProtection, ["Child Unique ID", "Child Protection Plan Start Date", "Number of Previous Child Protection Plans"]),
        [14] = (AnnexAList.ChildProtection, ["Child Unique ID", "Child Protection Plan Start Date", "Child Protection Plan End Date"]),
        [15] = (AnnexAList.ChildProtection, ["Child Unique ID", "Child Protection Plan Start Date", "Child Protection Plan End Date", "Date of the Last Statutory Visit"]),
        [16] = (AnnexAList.ChildProtection, ["Child Unique ID", "Child Protection Plan Start Date", "Child Protection Plan End Date", "Date of latest review conference"]),
        [17] = (AnnexAList.ChildrenInNeed, ["Child Unique ID", "CIN Start Date", "CIN Closure Date", "Date Child Was Last Seen", "Case status"]),
        [18] = (AnnexAList.LookedAfter, ["Child Unique ID", "Date Started to be Looked After", "Date Ceased to be Looked After"]),
        [19] = (AnnexAList.LookedAfter, ["Child Unique ID", "Date Started to be Looked After", "Date Ceased to be Looked After", "Number of Placements in the Last 12 months"]),
        [20] = (AnnexAList.LookedAfter, ["Child Unique ID", "Date of Birth", "Date Started to be Looked After", "Date Ceased to be Looked After", "Start Date of Most Recent Placement"]),
        [21] = (AnnexAList.LookedAfter, ["Child Unique ID", "Date of Birth", "Date Started to be Looked After", "Date Ceased to be Looked After", "Date of Last Health Assessment"]),
        [22] = (AnnexAList.CareLeavers, ["Child Unique ID", "Date of Birth", "Activity Status"]),
        [23] = (AnnexAList.CareLeavers, ["Child Unique ID", "Date of Birth", "Suitability of Accommodation"]),
        [24] = (AnnexAList.Adoption, ["Child Unique ID", "Date the Child Entered Care", "Date of Adoption Order", "Date Placed for Adoption"]),
        [25] = (AnnexAList.Adoption, ["Child Unique ID", "Date of Adoption Order", "Date of Placement Order", "Date of Matching Child and Prospective Adopters"]),
    };

    /// <summary>The columns whose values together identify a row (DEFINITIONS §1.3; List 2 and 11 as liia-tools keys them).</summary>
    internal static readonly Dictionary<AnnexAList, string[]> KeyColumns = new()
    {
        [AnnexAList.Contacts] = ["Child Unique ID", "Date of Contact", "Contact Source"],
        [AnnexAList.EarlyHelp] = ["Child Unique ID", "Assessment start date"],
        [AnnexAList.Referrals] = ["Child Unique ID", "Date of referral", "Referral Source"],
        [AnnexAList.Assessments] = ["Child Unique ID", "Continuous Assessment Start Date"],
        [AnnexAList.Section47] = ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date"],
        [AnnexAList.ChildrenInNeed] = ["Child Unique ID", "CIN Start Date"],
        [AnnexAList.ChildProtection] = ["Child Unique ID", "Child Protection Plan Start Date"],
        [AnnexAList.LookedAfter] = ["Child Unique ID", "Date Started to be Looked After"],
        [AnnexAList.CareLeavers] = ["Child Unique ID"],
        [AnnexAList.Adoption] = ["Child Unique ID", "Date of Decision that Child Should be Placed for Adoption"],
        [AnnexAList.Adopters] = ["Individual adopter identifier", "Date enquiry received"],
    };

    private sealed class ListCheck : IAnnexARowSink
    {
        private readonly AnnexAList _list;
        private readonly AnnexAFoundList _found;
        private readonly IAnnexARowSink? _next;
        private readonly AnnexAColumnFact?[] _facts;
        private readonly string[] _labels;
        private readonly ColumnTally[] _tallies;
        private readonly int[] _keyColumns;
        private readonly int _idColumn;
        private readonly Dictionary<ulong, int> _keys = [];
        private readonly List<AnnexAIssue> _issues = [];
        private readonly char[] _scratch = new char[64];
        private int _rows;
        private int _blankIds;
        private int _duplicates;

        public ListCheck(AnnexAList list, AnnexAFoundList found, IReadOnlyList<string> headers, IAnnexARowSink? next)
        {
            _list = list;
            _found = found;
            _next = next;
            _facts = [.. headers.Select(h => AnnexACatalogue.Find(list, h))];
            _labels = [.. found.FileHeaders.Select((h, i) => h.Length > 0 ? h : $"column {i + 1}")];
            _tallies = [.. headers.Select(_ => new ColumnTally())];
            var names = headers.ToList();
            _idColumn = names.IndexOf(AnnexAHeaders.IdColumn(list));
            _keyColumns = [.. KeyColumns[list].Select(c => names.IndexOf(c)).Where(i => i >= 0)];

            var missing = AnnexAColumns.For(list).Where(c => !names.Contains(c)).ToList();
            Missing = [.. missing.Select(c => new AnnexAMissingColumn(c, [.. IndicatorColumns.Where(i => i.Value.List == list && i.Value.Columns.Contains(c))
                .Select(i => $"{i.Key}: {AnnexAIndicators.All.FirstOrDefault(a => a.Id == i.Key).Name ?? "indicator " + i.Key}")]))];
            Unknown = [.. found.FileHeaders.Where((h, i) => found.Columns[i] is null && h.Length > 0)];
            foreach (var column in Missing)
            {
                var stops = column.Indicators.Count == 0 ? "no indicator uses it" : $"without it these indicators cannot be computed: {string.Join("; ", column.Indicators)}";
                _issues.Add(new AnnexAIssue(column.Column == AnnexAHeaders.IdColumn(list) || column.Indicators.Count > 0 ? AnnexAIssueSeverity.Error : AnnexAIssueSeverity.Warning,
                    "missing-column", found.File, found.Sheet, found.HeaderRow, column.Column, $"{found.Source}, header row {found.HeaderRow}: no column '{column.Column}'; {stops}"));
            }

            foreach (var header in Unknown)
            {
                _issues.Add(new AnnexAIssue(AnnexAIssueSeverity.Warning, "unknown-column", found.File, found.Sheet, found.HeaderRow, header,
                    $"{found.Source}, header row {found.HeaderRow}: column '{header}' is not one of {list.Title()}'s template columns; it is not used"));
            }
        }

        public List<AnnexAMissingColumn> Missing { get; }

        public List<string> Unknown { get; }

        public void Row(int rowNumber, IAnnexARow row)
        {
            _rows++;
            for (var i = 0; i < _facts.Length; i++)
            {
                if (_facts[i] is { } fact)
                {
                    Check(rowNumber, row, i, fact);
                }
            }

            if (_idColumn >= 0 && !AnnexACells.IsBlank(row, _idColumn))
            {
                var hash = KeyHash(row);
                if (!_keys.TryAdd(hash, rowNumber))
                {
                    _duplicates++;
                    Add(_idColumn, rowNumber, AnnexAIssueSeverity.Warning, "duplicate-row",
                        $"row {rowNumber}: same {string.Join(", ", _keyColumns.Select(k => $"'{_labels[k]}'"))} as row {_keys[hash]}; only the first is counted", wholeRow: true);
                }
            }

            _next?.Row(rowNumber, row);
        }

        public void End() => _next?.End();

        private void Check(int rowNumber, IAnnexARow row, int column, AnnexAColumnFact fact)
        {
            var kind = row.Kind(column);
            if (kind == CellKind.Error)
            {
                Add(column, rowNumber, AnnexAIssueSeverity.Warning, "spreadsheet-error", "holds a spreadsheet error; read as unreadable");
                return;
            }

            if (AnnexACells.IsBlank(row, column))
            {
                if (column == _idColumn)
                {
                    _blankIds++;
                    Add(column, rowNumber, AnnexAIssueSeverity.Error, "blank-id", "blank; the row is left out of every indicator");
                }
                else if (Array.IndexOf(_keyColumns, column) >= 0 && fact.Type == AnnexAColumnType.Date)
                {
                    Add(column, rowNumber, AnnexAIssueSeverity.Warning, "blank-key-date", "blank, but it is the row's key date");
                }

                return;
            }

            switch (fact.Type)
            {
                case AnnexAColumnType.Date when !AnnexACells.TryReadDate(kind, row.Text(column), row.Number(column), out _):
                    Add(column, rowNumber, AnnexAIssueSeverity.Warning, "unreadable-date", "not a date (expected dd/mm/yyyy)");
                    break;
                case AnnexAColumnType.Count when fact.Name != "Age of Child (Years)" && !AnnexACells.TryReadCount(kind, row.Text(column), row.Number(column), out _):
                    Add(column, rowNumber, AnnexAIssueSeverity.Warning, "unreadable-count", "not a whole number of 0 or more");
                    break;
                case AnnexAColumnType.Code when !IsKnownCode(row, column, fact.Name):
                    Add(column, rowNumber, AnnexAIssueSeverity.Warning, "unknown-code", "not one of the template's codes for this column");
                    break;
                default:
                    break;
            }
        }

        private bool IsKnownCode(IAnnexARow row, int column, string name)
        {
            if (row.Kind(column) is CellKind.Number or CellKind.Date)
            {
                return row.Number(column).TryFormat(_scratch, out var written, default, CultureInfo.InvariantCulture)
                    && AnnexACodes.IsKnown(name, _scratch.AsSpan(0, written));
            }

            return AnnexACodes.IsKnown(name, row.Text(column));
        }

        /// <summary>FNV-1a over the key cells as read: dates by day, identifiers as text, codes casefolded. Only the hash is kept, never the values.</summary>
        private ulong KeyHash(IAnnexARow row)
        {
            var hash = 14695981039346656037UL;
            foreach (var column in _keyColumns)
            {
                var kind = row.Kind(column);
                if (_facts[column]?.Type == AnnexAColumnType.Date && AnnexACells.TryReadDate(kind, row.Text(column), row.Number(column), out var date))
                {
                    hash = Mix(hash, date.DayNumber);
                }
                else
                {
                    var text = AnnexACells.Identifier(row, column, _scratch);
                    foreach (var c in text)
                    {
                        hash = Mix(hash, char.ToLowerInvariant(c));
                    }
                }

                hash = Mix(hash, 0x1F);
            }

            return hash;

            static ulong Mix(ulong hash, int value)
            {
                for (var shift = 0; shift < 32; shift += 8)
                {
                    hash ^= (byte)(value >> shift);
                    hash *= 1099511628211UL;
                }

                return hash;
            }
        }

        private void Add(int column, int rowNumber, AnnexAIssueSeverity severity, string kind, string problem, bool wholeRow = false)
        {
            var tally = _tallies[column];
            if (severity == AnnexAIssueSeverity.Error)
            {
                tally.Errors++;
            }
            else
            {
                tally.Warnings++;
            }

            if (tally.Listed.Count < RowsListedPerColumn)
            {
                var message = wholeRow ? $"{_found.Source}, {problem}" : $"{_found.Source}, row {rowNumber}, column '{_labels[column]}': {problem}";
                tally.Listed.Add(new AnnexAIssue(severity, kind, _found.File, _found.Sheet, rowNumber, wholeRow ? null : _labels[column], message));
            }
        }

        public AnnexAListReport Report()
        {
            _found.Rows = _rows;
            var columns = _tallies.Select((t, i) => (t, i)).Where(x => x.t.Errors + x.t.Warnings > 0)
                .Select(x => new AnnexAColumnReport(_facts[x.i]?.Name ?? _labels[x.i], _labels[x.i], x.t.Errors, x.t.Warnings, x.t.Listed)).ToList();
            return new AnnexAListReport(_list, _list.Title(), true, _found.File, _found.Sheet, _found.HeaderRow, _rows, _blankIds, _duplicates, Unknown, Missing, columns, _issues);
        }
    }

    private sealed class ColumnTally
    {
        public int Errors { get; set; }

        public int Warnings { get; set; }

        public List<AnnexAIssue> Listed { get; } = [];
    }
}
