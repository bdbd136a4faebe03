using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Core.Accounts;
using Trellis.Core.Data;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>Personal API tokens for tests of the JSON API, made through the same service as the tokens page.</summary>
public static class ApiTokens
{
    public static async Task<string> CreateAsync(TrellisWebFactory factory, string email, string name = "Tests", int days = 30)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrellisDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync();
        return await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(userId, name, TimeSpan.FromDays(days));
    }

    /// <summary>Sends the token with every request of the client.</summary>
    public static async Task UseAsync(HttpClient client, TrellisWebFactory factory, string email)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateAsync(factory, email));
    }
}
