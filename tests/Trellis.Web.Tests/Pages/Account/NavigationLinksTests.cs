using Trellis.Web.Tests.Infrastructure;

namespace Trellis.Web.Tests.Pages.Account;

/// <summary>The header offers only the links a role can use.</summary>
public sealed class NavigationLinksTests(TrellisWebFactory factory) : IClassFixture<TrellisWebFactory>
{
    [Theory]
    [InlineData(TrellisWebFactory.Administrator, true, true)]
    [InlineData(TrellisWebFactory.Reader, true, false)]
    [InlineData(TrellisWebFactory.Contributor, true, false)]
    [InlineData(TrellisWebFactory.Partner, false, false)]
    public async Task Get_MyActions_NavigationMatchesTheRole(string who, bool plansAndPeople, bool accounts)
    {
        factory.SignedInAs.Email = who;
        var page = await new PageClient(factory).GetAsync("/my-actions");
        var links = page.QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/my-actions", links);
        Assert.Equal(plansAndPeople, links.Contains("/plans"));
        Assert.Equal(plansAndPeople, links.Contains("/people"));
        Assert.Equal(accounts, links.Contains("/accounts"));
        Assert.NotNull(page.QuerySelector("a[href='/account/api-tokens']"));
    }
}
