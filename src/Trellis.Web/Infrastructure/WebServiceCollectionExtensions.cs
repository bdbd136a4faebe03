namespace Trellis.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    /// <summary>The web app's own services: pages, the current organisation, form conventions.</summary>
    public static IServiceCollection AddTrellisWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
        });
        // Names such as Siân and dashes stay readable in the HTML; encoding still escapes markup.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<CurrentOrganisation>();
        services.AddRouting(o => o.LowercaseUrls = true);
        return services;
    }

    /// <summary>Headers every page gets: no framing, no sniffing, a strict content policy (our scripts only).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Content-Security-Policy"] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        await next();
    });
}
