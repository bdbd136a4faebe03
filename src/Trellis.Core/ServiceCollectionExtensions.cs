using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Trellis.Core.Data;
using Trellis.Core.Demo;
using Trellis.Core.Import;
using Trellis.Core.Interchange;
using Trellis.Core.People;
using Trellis.Core.Plans;
using Trellis.Core.Reminders;

namespace Trellis.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Accounts (ASP.NET Core Identity over our DbContext), shared by the web app and the CLI.</summary>
    private static void AddAccounts(IServiceCollection services, string dataDirectory)
    {
        // Keys that sign cookies and reset links outlive a restart. (Several instances will share them through the database.)
        services.AddDataProtection()
            .SetApplicationName("Trellis")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddIdentityCore<Accounts.TrellisUser>(o =>
            {
                o.Password.RequiredLength = Accounts.PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<TrellisDbContext>()
            .AddUserManager<Accounts.TrellisUserManager>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<Accounts.PasswordRules>()
            .AddErrorDescriber<Accounts.AccountErrors>();
        services.AddScoped<Accounts.AccountService>();
        services.AddScoped<Accounts.ApiTokenService>();
        services.AddScoped<Accounts.PlanAccessService>();
        services.AddScoped<Accounts.ExternalLoginService>();
    }

    /// <summary>Everything Core needs, shared by the web app, the CLI and the tests.</summary>
    public static IServiceCollection AddTrellisCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrellisOptions>()
            .Bind(configuration.GetSection(TrellisOptions.Section))
            .Validate(o => o.Database != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Trellis")),
                "Trellis:Database is Postgres but ConnectionStrings:Trellis is empty")
            .ValidateOnStart();

        var options = configuration.GetSection(TrellisOptions.Section).Get<TrellisOptions>() ?? new TrellisOptions();
        var connectionString = configuration.GetConnectionString("Trellis");
        if (options.Database == DatabaseProvider.Postgres)
        {
            services.AddDbContext<TrellisDbContext, PostgresTrellisDbContext>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var directory = options.ResolveDataDirectory();
                Directory.CreateDirectory(directory);
                connectionString = $"Data Source={Path.Combine(directory, "trellis.db")}";
            }

            services.AddDbContext<TrellisDbContext, SqliteTrellisDbContext>(o => o.UseSqlite(connectionString));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<Audit.IAuditActor, Audit.SystemAuditActor>();
        services.AddScoped<DatabaseInitializer>();
        AddAccounts(services, options.ResolveDataDirectory());
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<PlanService>();
        services.AddScoped<Indicators.IndicatorService>();
        services.AddScoped<AnnexA.Store.AnnexAStore>();
        services.AddScoped<AnnexA.Store.AnnexACaseData>();
        services.AddScoped<AnnexA.Store.AnnexAPlanFeed>();
        services.AddScoped<Rounds.CommitteeContentService>();
        services.AddScoped<PersonService>();
        services.AddScoped<Indicators.IndicatorValueService>();
        services.AddScoped<PlanExporter>();
        services.AddScoped<PlanImporter>();
        services.AddScoped<PendingImportService>();
        services.AddScoped<PlanUpdater>();
        services.AddScoped<Import.Sheets.ImportLayoutService>();
        services.AddScoped<Rounds.RoundService>();
        services.AddScoped<Reports.BoardReportBuilder>();
        services.AddScoped<Reports.ReportService>();
        services.AddTrellisReminders(configuration);
        services.AddScoped<Audit.AuditService>();
        services.AddOptions<SignOffs.SignOffOptions>().Bind(configuration.GetSection(SignOffs.SignOffOptions.Section))
            .Validate(o => o.MaxFileBytes is > 0 and <= SignOffs.SignOffOptions.MaxRequestBytes && o.MaxFiles > 0, "Trellis:SignOff limits must be positive, and a file at most 120 MB")
            .ValidateOnStart();
        services.AddScoped<SignOffs.SignOffService>();

        // Each report format; ReportService picks one by format and layout.
        services.AddSingleton<Reports.Html.HtmlReportRenderer>();
        services.AddSingleton<Reports.IReportRenderer>(s => s.GetRequiredService<Reports.Html.HtmlReportRenderer>());
        services.AddSingleton<Reports.IReportRenderer, Reports.Html.PdfReportRenderer>();

        // Each kind of plan file Trellis can import; the import command and page pick one by file name.
        services.AddSingleton<IPlanFileReader, JsonPlanFileReader>();
        services.AddSingleton<IPlanFileReader, DocxPlanFileReader>();
        services.AddSingleton<IPlanFileReader, XlsxPlanFileReader>();
        services.AddSingleton<IPlanFileReader, CsvPlanFileReader>();
        services.AddSingleton<PlanFileReaders>();

        // Each format a board report can be laid out in; ReportService picks one by format.
        services.AddSingleton<Reports.IReportRenderer, Reports.Docx.DocxReportRenderer>();
        services.AddSingleton<Reports.IReportRenderer, Reports.Xlsx.XlsxReportRenderer>();
        return services;
    }
}
