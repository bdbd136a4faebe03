namespace Trellis.Core.AnnexA.Store;

public enum AnnexAUploadStatus
{
    Accepted,
}

/// <summary>
/// A workbook (or folder of lists) an organisation accepted into its Annex A store: a summary only, audited like any
/// other change. The rows it brought are <see cref="AnnexACaseRow"/>s.
/// </summary>
public class AnnexAUpload
{
    public const int FileNameMaxLength = 260;
    public const int ByMaxLength = 256;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public string FileName { get; set; } = string.Empty;

    /// <summary>SHA-256 of the file's bytes (of each file's name and bytes, in name order, for a folder), 64 hex digits.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary>The extract's reference date: its latest contact, referral or S47 date (the upload's date when it has none).</summary>
    public DateOnly ExtractDate { get; set; }

    /// <summary>Earliest and latest contact, referral or S47 date in the file (DEFINITIONS §2 coverage).</summary>
    public DateOnly? CoverageFrom { get; set; }

    public DateOnly? CoverageTo { get; set; }

    public string UploadedBy { get; set; } = string.Empty;
    public DateTimeOffset UploadedAt { get; set; }
    public AnnexAUploadStatus Status { get; set; } = AnnexAUploadStatus.Accepted;

    public List<AnnexAUploadList> Lists { get; set; } = [];
}

/// <summary>What one list of an upload did to the store.</summary>
public class AnnexAUploadList
{
    public int Id { get; set; }
    public int UploadId { get; set; }
    public int List { get; set; }

    /// <summary>Rows pushed by the reader, blank and duplicate rows included.</summary>
    public int Read { get; set; }

    public int New { get; set; }
    public int AlreadyHeld { get; set; }
    public int Replaced { get; set; }

    /// <summary>Rows the engine would leave out anyway (blank ID) and repeats of a key within the file.</summary>
    public int NotStored { get; set; }

    /// <summary>One character per engine column of the list (<c>AnnexARowKeys.UsedColumns</c>): 1 present in the file, 0 missing.</summary>
    public string PresentColumns { get; set; } = string.Empty;
}

/// <summary>
/// One protected case-level record (a contact, a referral, a child's plan...): its list, its duplicate key (hashed
/// child id and key dates), and the engine's columns as a small JSON array of typed cells. Never audited, never logged.
/// </summary>
public class AnnexACaseRow
{
    public const int KeyMaxLength = 200;

    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int List { get; set; }
    public string Key { get; set; } = string.Empty;

    /// <summary>JSON array: "" blank, "t..." text, "n..." number, "d..." date serial, "e..." spreadsheet error; trailing blanks left off.</summary>
    public string Cells { get; set; } = string.Empty;

    /// <summary>The row's number in the file its values came from (sheet order breaks ties in the engine).</summary>
    public int RowNumber { get; set; }

    public int FirstSeenUploadId { get; set; }
    public int LastSeenUploadId { get; set; }

    /// <summary>The upload whose values the row holds.</summary>
    public int ValuesUploadId { get; set; }

    public DateOnly ValuesExtract { get; set; }

    /// <summary>The latest extract date that held the row: retention counts from it.</summary>
    public DateOnly LastSeenExtract { get; set; }
}

/// <summary>A read of case-level rows: who, when, what and how many; never the values.</summary>
public class AnnexACaseRead
{
    public const int WhatMaxLength = 300;

    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public string UserId { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string What { get; set; } = string.Empty;
    public int Rows { get; set; }
}

/// <summary>A retention purge, counts only (audited).</summary>
public class AnnexAPurge
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public DateTimeOffset At { get; set; }
    public DateOnly Cutoff { get; set; }
    public int RetentionMonths { get; set; }
    public int RowsDeleted { get; set; }
}

/// <summary>A plan indicator fed by one of the 25 computed Annex A measures.</summary>
public class AnnexAIndicatorLink
{
    public const int MeasureMaxLength = 60;
    public const int TeamMaxLength = 200;

    public int IndicatorId { get; set; }

    /// <summary>The measure's stable key (<c>AnnexAIndicators.All</c>).</summary>
    public string Measure { get; set; } = string.Empty;

    /// <summary>The variant: the window in months, 12 or 6.</summary>
    public int WindowMonths { get; set; } = 12;

    /// <summary>One team's figure (the team breakdown's group) instead of the whole council's.</summary>
    public string? Team { get; set; }
}

/// <summary>An organisation's Annex A settings.</summary>
public class AnnexASettings
{
    public int OrganisationId { get; set; }

    /// <summary>ONS mid-year 0-17 population, for rates per 10,000.</summary>
    public int? Population { get; set; }
}
