using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Trellis.Core.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "IndicatorValues",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Frequency",
                table: "Indicators",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "OwnerId",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Indicators",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Tolerance",
                table: "Indicators",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToleranceKind",
                table: "Indicators",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "YearBasis",
                table: "Indicators",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodStart",
                table: "Comparators",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IndicatorBreakdowns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorValueId = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Min = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Max = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorValueId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
