using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Trellis.Testing;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real database: a fresh SQLite file in a temporary data directory, or a fresh
/// PostgreSQL database. The clock is fixed so overdue and due-soon are the same on every run.
/// </summary>
public class TrellisWebFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trellis-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public bool DemoData { get; init; } = true;

    public bool UsePostgres { get; init; }

    /// <summary>The demo council's administrator, who may do everything in it.</summary>
    public const string Administrator = "rebecca.adeyemi@castlebridge.example";
    public const string PlanManager = "bethan.nicholls@castlebridge.example";
    public const string Contributor = "priya.lakhani@castlebridge.example";
    public const string Reader = "cllr.hannah.osei@castlebridge.example";
    public const string Partner = "mark.ellery@castlebridge-police.example";

    /// <summary>Who requests are signed in as unless they say otherwise (the X-Test-User header); null: nobody.</summary>
    public TestSignInDefault SignedInAs { get; } = new() { Email = Administrator };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Trellis:DataDirectory", _dataDirectory);
        builder.UseSetting("Trellis:DemoData", DemoData ? "true" : "false");
        if (UsePostgres)
        {
            var admin = TestEnvironment.Postgres
                ?? throw new InvalidOperationException("TRELLIS_TEST_POSTGRES is not set; PostgreSQL tests are mandatory under CI");
            _postgresDatabase = "trellis_test_" + Guid.NewGuid().ToString("N")[..12];
            var connection = new NpgsqlConnectionStringBuilder(admin) { Database = _postgresDatabase }.ConnectionString;
            builder.UseSetting("Trellis:Database", "Postgres");
            builder.UseSetting("ConnectionStrings:Trellis", connection);
        }

        // Keep test output readable: the app's request and SQL logs only when something is wrong.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(SignedInAs);
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestSignInHandler>(TestSignInHandler.SchemeName, _ => { })
                .AddPolicyScheme(TestOrCookie, null, o => o.ForwardDefaultSelector = context =>
                    context.Request.Cookies.ContainsKey(".Trellis.SignIn") ? IdentityConstants.ApplicationScheme : TestSignInHandler.SchemeName);
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = TestOrCookie);
        });
    }

    private const string TestOrCookie = "TestOrCookie";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        if (_postgresDatabase is not null && TestEnvironment.Postgres is { } admin)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
