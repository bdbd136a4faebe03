using DocumentFormat.OpenXml.Wordprocessing;

namespace Trellis.Core.Reports.Docx;

/// <summary>The report's styles and list numbering: real heading styles with outline levels so Word's navigation pane and screen readers see the structure.</summary>
internal static class DocxStyles
{
    private const string Font = "Arial";

    public static Styles Create()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "20" },
                    new FontSizeComplexScript { Val = "20" },
                    new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "80", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        });
        styles.Append(Paragraph("Title", "Title", 0, size: 40, outline: null, spaceBefore: 0, spaceAfter: 240));
        styles.Append(Paragraph("Heading1", "heading 1", 1, size: 32, outline: 0, spaceBefore: 240, spaceAfter: 120));
        styles.Append(Paragraph("Heading2", "heading 2", 2, size: 26, outline: 1, spaceBefore: 240, spaceAfter: 120));
        styles.Append(Paragraph("Heading3", "heading 3", 3, size: 22, outline: 2, spaceBefore: 160, spaceAfter: 80));

        styles.Append(new Style(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new UIPriority { Val = 34 },
            new PrimaryStyle(),
            new StyleParagraphProperties(new Indentation { Left = "360" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "ListParagraph",
        });

        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table,
            StyleId = "TableGrid",
        });

        styles.Append(new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
        {
            Type = StyleValues.Table,
            StyleId = "TableNormal",
            Default = true,
        });

        return styles;
    }

    /// <summary>Bullets on one list; each numbered list gets its own instance so it counts from 1.</summary>
    public static Numbering Numbering(int bulletId, int numberedLists)
    {
        var numbering = new Numbering(
            AbstractList(0, NumberFormatValues.Bullet, "•"),
            AbstractList(1, NumberFormatValues.Decimal, "%1."));
        numbering.Append(new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = bulletId });
        for (var i = 1; i <= numberedLists; i++)
        {
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = 1 },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
            { NumberID = bulletId + i });
        }

        return numbering;
    }

    private static AbstractNum AbstractList(int id, NumberFormatValues format, string text) => new(
        new MultiLevelType { Val = MultiLevelValues.SingleLevel },
        new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new LevelText { Val = text },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "284" }))
        { LevelIndex = 0 })
    { AbstractNumberId = id };

    private static Style Paragraph(string id, string name, int priority, int size, int? outline, int spaceBefore, int spaceAfter)
    {
        var paragraph = new StyleParagraphProperties(
            new KeepNext(),
            new KeepLines(),
            new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), After = spaceAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = priority == 0 ? 10 : 9 },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(
                new Bold(),
                new Color { Val = "0B0C0C" },
                new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }
}
