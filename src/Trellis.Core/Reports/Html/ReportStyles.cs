namespace Trellis.Core.Reports.Html;

/// <summary>The report's one style sheet: screen and print (A4, each area on a new page, wide tables landscape).</summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { color: #0b0c0c; background: #ffffff; }
        * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 16px; line-height: 1.4; margin: 0; }
        main { max-width: 1120px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 32px; line-height: 1.15; margin: 0 0 16px; }
        h2 { font-size: 24px; line-height: 1.2; margin: 32px 0 12px; }
        h3 { font-size: 19px; margin: 24px 0 8px; }
        p, ul, ol, dl { margin: 0 0 12px; }
        .lede { font-size: 19px; }
        .muted { color: #484949; }
        .council { font-size: 24px; font-weight: bold; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 20px; }
        caption { text-align: left; font-weight: bold; font-size: 17px; padding: 0 0 6px; }
        th, td { border: 1px solid #b1b4b6; padding: 6px 8px; text-align: left; vertical-align: top; }
        thead th, th[scope="col"] { background: #f3f2f1; }
        th[scope="rowgroup"] { background: #e8f1f8; }
        td.number, th.number { text-align: right; white-space: nowrap; }
        dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
        dl.details dt { font-weight: bold; }
        dl.details dd { margin: 0; }
        .rag { font-weight: bold; border-left: 6px solid #505a5f; background: #e5e6e7; color: #0b0c0c; }
        strong.rag { display: inline-block; padding: 2px 8px; }
        .rag-red { background: #f4cdc6; color: #2a0b06; border-left-color: #d4351c; }
        .rag-amber { background: #fcd6c3; color: #6e3619; border-left-color: #f47738; }
        .rag-green { background: #cce2d8; color: #005a30; border-left-color: #00703c; }
        .rag-blue { background: #bbd4ea; color: #0c2d4a; border-left-color: #1d70b8; }
        .rag-grey { background: #e5e6e7; color: #0b0c0c; border-left-color: #505a5f; }
        .flag { display: inline-block; font-weight: bold; color: #2a0b06; background: #f4cdc6; padding: 0 6px; margin-top: 4px; }
        .note { margin-top: 6px; padding-left: 8px; border-left: 3px solid #b1b4b6; }
        .draft { font-weight: bold; border: 3px solid #0b0c0c; padding: 8px 12px; display: inline-block; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 0 24px; }
        .charts svg { display: block; width: 100%; max-width: 680px; height: auto; }
        figure { margin: 0 0 20px; break-inside: avoid; }
        figcaption { font-weight: bold; margin-bottom: 4px; }
        .title-page { min-height: 60vh; }
        @page { size: A4; margin: 15mm 12mm; }
        @page wide { size: A4 landscape; margin: 12mm; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 22pt; }
          h2 { font-size: 15pt; }
          h3 { font-size: 12pt; }
          .title-page { break-after: page; min-height: 0; }
          .area, .scorecard { break-before: page; }
          .wide { page: wide; }
          thead { display: table-header-group; }
          .charts { display: block; }
          tr, figure { break-inside: avoid; }
          h2, h3, caption { break-after: avoid; }
        }
        """;
}
