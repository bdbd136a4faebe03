using System.Globalization;
using System.Text.Json;
using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA.Store;

/// <summary>
/// Receives protected rows (behind <see cref="AnnexAProtector"/>) and keeps, per list the engine uses, one row per
/// duplicate key (the first in sheet order, as the engine does): its key, its row number and its cells encoded for
/// the store. Also the flow lists' coverage (earliest and latest contact, referral and S47 date).
/// </summary>
internal sealed class AnnexAStoreCollector : IAnnexAReceiver
{
    private readonly Dictionary<AnnexAList, ListRows> _lists = [];

    public IReadOnlyDictionary<AnnexAList, ListRows> Lists => _lists;

    public int? CoverageFrom { get; private set; }

    public int? CoverageTo { get; private set; }

    public IAnnexARowSink? BeginList(AnnexAList list, IReadOnlyList<string> headers, string source)
    {
        if (!AnnexARowKeys.IsUsed(list))
        {
            return null;
        }

        var keys = new AnnexARowKeys(list, headers);
        var present = keys.ColumnIndexes.Select(i => i >= 0).ToArray();
        if (_lists.TryGetValue(list, out var rows))
        {
            // A list in two files: a column counts as present only if every file has it, as in the engine.
            for (var i = 0; i < present.Length; i++)
            {
                rows.Present[i] &= present[i];
            }
        }
        else
        {
            _lists[list] = rows = new ListRows(list, present);
        }

        return new Sink(this, rows, keys, list is AnnexAList.Contacts or AnnexAList.Referrals or AnnexAList.Section47);
    }

    /// <summary>A row kept for the store.</summary>
    internal readonly record struct Kept(string Key, int RowNumber, string Cells);

    internal sealed class ListRows(AnnexAList list, bool[] present)
    {
        public AnnexAList List { get; } = list;

        public bool[] Present { get; } = present;

        public string PresentText => new([.. Present.Select(p => p ? '1' : '0')]);

        public List<Kept> Rows { get; } = [];

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public int Read { get; set; }

        public int NotStored { get; set; }
    }

    /// <summary>Encodes one cell: kind letter then text or number ("" for blank).</summary>
    internal static string Encode(IAnnexARow row, int column) => column < 0 || column >= row.Count ? string.Empty : row.Kind(column) switch
    {
        CellKind.Text => string.Concat("t", row.Text(column)),
        CellKind.Number => "n" + row.Number(column).ToString("R", CultureInfo.InvariantCulture),
        CellKind.Date => "d" + row.Number(column).ToString("R", CultureInfo.InvariantCulture),
        CellKind.Error => string.Concat("e", row.Text(column)),
        _ => string.Empty,
    };

    private sealed class Sink(AnnexAStoreCollector owner, ListRows rows, AnnexARowKeys keys, bool flow) : IAnnexARowSink
    {
        private readonly string[] _cells = new string[keys.ColumnIndexes.Count];

        public void Row(int rowNumber, IAnnexARow row)
        {
            rows.Read++;
            var key = keys.Key(row, out var day);
            if (key is null || key.Length > AnnexACaseRow.KeyMaxLength || !rows.Keys.Add(key))
            {
                rows.NotStored++;
                return;
            }

            if (flow && day >= 0)
            {
                owner.CoverageFrom = Math.Min(owner.CoverageFrom ?? day, day);
                owner.CoverageTo = Math.Max(owner.CoverageTo ?? day, day);
            }

            var last = -1;
            for (var i = 0; i < _cells.Length; i++)
            {
                _cells[i] = Encode(row, keys.ColumnIndexes[i]);
                if (_cells[i].Length > 0)
                {
                    last = i;
                }
            }

            rows.Rows.Add(new Kept(key, rowNumber, JsonSerializer.Serialize(_cells.AsSpan(0, last + 1).ToArray())));
        }

        public void End()
        {
        }
    }
}
