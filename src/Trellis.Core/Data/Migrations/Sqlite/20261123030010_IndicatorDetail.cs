using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndicatorDetail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "IndicatorValues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "IndicatorValues",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Frequency",
                table: "Indicators",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "OwnerId",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Indicators",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Tolerance",
                table: "Indicators",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToleranceKind",
                table: "Indicators",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "YearBasis",
                table: "Indicators",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodStart",
                table: "Comparators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorBreakdowns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorValueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorBreakdowns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorBreakdowns_IndicatorValues_IndicatorValueId",
                        column: x => x.IndicatorValueId,
                        principalTable: "IndicatorValues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Min = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Max = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValueRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorValueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AsAt = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReplacedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValueRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValueRevisions_IndicatorValues_IndicatorValueId",
                        column: x => x.IndicatorValueId,
                        principalTable: "IndicatorValues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OwnerId",
                table: "Indicators",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorBreakdowns_IndicatorValueId_Dimension_Category",
                table: "IndicatorBreakdowns",
                columns: new[] { "IndicatorValueId", "Dimension", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_IndicatorId_From",
                table: "IndicatorTargets",
                columns: new[] { "IndicatorId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValueRevisions_IndicatorValueId",
                table: "IndicatorValueRevisions",
                column: "IndicatorValueId");

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_People_OwnerId",
                table: "Indicators",
                column: "OwnerId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_People_OwnerId",
                table: "Indicators");

            migrationBuilder.DropTable(
                name: "IndicatorBreakdowns");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "IndicatorValueRevisions");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_OwnerId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Frequency",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Tolerance",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ToleranceKind",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "YearBasis",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "PeriodStart",
                table: "Comparators");
        }
    }
}
