using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trellis.Core.Accounts;
using Trellis.Web.Infrastructure;

namespace Trellis.Web.Pages.Account.ApiTokens;

/// <summary>
/// Your personal API tokens, for a reporting job that sends indicator values without a browser: make one (shown once),
/// see when each was last used, revoke one. A token acts with your roles, so it can do what you can and no more.
/// </summary>
[OrganisationAccess(OrganisationPermission.SignedIn)]
public class ApiTokensModel(ApiTokenService tokens, TimeProvider clock) : TrellisPageModel
{
    public static readonly IReadOnlyList<SelectListItem> Lifetimes =
    [
        new("30 days", "30"),
        new("90 days", "90"),
        new("6 months", "182"),
        new("1 year", "365"),
    ];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Days { get; set; } = "90";

    /// <summary>The token just made: shown on this response only, never stored.</summary>
    public string? NewToken { get; private set; }

    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(UserId, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var name = Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Enter a name for the token, for example Nightly indicator figures");
        }
        else if (name.Length > ApiToken.NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), $"The name must be {ApiToken.NameMaxLength} characters or fewer");
        }

        if (!int.TryParse(Days, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || Lifetimes.All(l => l.Value != Days))
        {
            ModelState.AddModelError(nameof(Days), "Select how long the token lasts");
        }

        if (!ModelState.IsValid)
        {
            Tokens = await tokens.ListAsync(UserId, ct);
            return PageWithErrors();
        }

        NewToken = await tokens.CreateAsync(UserId, name, TimeSpan.FromDays(days), ct);
        Tokens = await tokens.ListAsync(UserId, ct);
        Name = null;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(UserId, tokenId, ct))
        {
            return NotFound();
        }

        TempData["Notice"] = "Token revoked: it no longer works";
        return Redirect("/account/api-tokens");
    }

    public static string When(DateTimeOffset? at) => at?.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB")) ?? "Never";

    private string UserId => User.Account()!.UserId;
}
