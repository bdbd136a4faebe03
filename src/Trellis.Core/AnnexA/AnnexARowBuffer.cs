using Trellis.Indicators.AnnexA;

namespace Trellis.Core.AnnexA;

/// <summary>
/// One row's cells, reused from row to row so reading allocates nothing per cell: text either points at a string
/// the reader already holds (a shared string) or at a stretch of one character buffer (a CSV field).
/// </summary>
internal sealed class AnnexARowBuffer : IAnnexARow
{
    private CellKind[] _kinds = new CellKind[64];
    private double[] _numbers = new double[64];
    private string?[] _strings = new string?[64];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private char[] _chars = new char[4096];
    private int _charCount;
    private int _count;
    private int _limit = int.MaxValue;

    public int Count => Math.Min(_count, _limit);

    public CellKind Kind(int column) => column < Count ? _kinds[column] : CellKind.Blank;

    public ReadOnlySpan<char> Text(int column)
    {
        if (column >= Count || _kinds[column] is not (CellKind.Text or CellKind.Error))
        {
            return [];
        }

        return _strings[column] is { } text ? text.AsSpan(_starts[column], _lengths[column]) : _chars.AsSpan(_starts[column], _lengths[column]);
    }

    public double Number(int column) => column < Count && _kinds[column] is CellKind.Number or CellKind.Date ? _numbers[column] : 0;

    /// <summary>Cells beyond the header row's width are not the list's.</summary>
    public void Limit(int width) => _limit = width;

    public void Clear()
    {
        Array.Clear(_kinds, 0, _count);
        Array.Clear(_strings, 0, _count);
        _count = 0;
        _charCount = 0;
    }

    public bool IsBlank()
    {
        for (var i = 0; i < Count; i++)
        {
            if (!AnnexACells.IsBlank(this, i))
            {
                return false;
            }
        }

        return true;
    }

    public void SetNumber(int column, double value, bool isDate)
    {
        Ensure(column);
        _kinds[column] = isDate ? CellKind.Date : CellKind.Number;
        _numbers[column] = value;
    }

    public void SetString(int column, string text, CellKind kind = CellKind.Text)
    {
        Ensure(column);
        _kinds[column] = text.Length == 0 && kind == CellKind.Text ? CellKind.Blank : kind;
        _strings[column] = text;
        _starts[column] = 0;
        _lengths[column] = text.Length;
    }

    /// <summary>Starts a field whose characters follow through <see cref="Append(char)"/>.</summary>
    public void BeginField(int column)
    {
        Ensure(column);
        _strings[column] = null;
        _starts[column] = _charCount;
        _lengths[column] = 0;
    }

    public void Append(char c)
    {
        if (_charCount == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[_charCount++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        while (_charCount + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        text.CopyTo(_chars.AsSpan(_charCount));
        _charCount += text.Length;
    }

    public void EndField(int column)
    {
        _lengths[column] = _charCount - _starts[column];
        _kinds[column] = _lengths[column] == 0 ? CellKind.Blank : CellKind.Text;
    }

    /// <summary>The text of a cell as a new string (header rows only).</summary>
    public string TextString(int column) => Kind(column) switch
    {
        CellKind.Text or CellKind.Error => Text(column).ToString(),
        CellKind.Number or CellKind.Date => Number(column).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private void Ensure(int column)
    {
        if (column >= _kinds.Length)
        {
            var size = Math.Max(column + 1, _kinds.Length * 2);
            Array.Resize(ref _kinds, size);
            Array.Resize(ref _numbers, size);
            Array.Resize(ref _strings, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
        }

        for (var i = _count; i < column; i++)
        {
            _kinds[i] = CellKind.Blank;
            _strings[i] = null;
        }

        _count = Math.Max(_count, column + 1);
    }
}
