using Trellis.Core;
using Trellis.Core.Data;
using Trellis.Web.Api;
using Trellis.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseDefaultServiceProvider(o =>
{
    o.ValidateOnBuild = true;
    o.ValidateScopes = true;
});

builder.Services.AddTrellisCore(builder.Configuration);
builder.Services.AddTrellisWeb();
builder.Services.AddOpenIdConnectSignIn(builder.Configuration);
builder.Services.AddReminderScheduler(builder.Configuration);

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseApiTokens();
app.UseMiddleware<OrganisationMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();
app.MapRazorPages();
app.MapIndicatorValueApi();
app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();

await app.RunAsync();
