using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Trellis.Web.Tests.Infrastructure;

/// <summary>Drives pages over HTTP like a browser without JavaScript: GET, read the form, POST it back.</summary>
public sealed class PageClient(WebApplicationFactory<Program> factory)
{
    private readonly HttpClient _http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient Http => _http;

    public async Task<IDocument> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{Excerpt(body)}");
        return await ParseAsync(body, url);
    }

    /// <summary>Fills the page's form (by index) with the given fields and submits it as the browser would.</summary>
    public async Task<FormResult> SubmitAsync(IDocument page, IReadOnlyDictionary<string, string> fields, int formIndex = 0, string? action = null)
    {
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().ElementAt(formIndex);
        var values = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement input when input.Type is "checkbox" or "radio" => (input.Name, input.IsChecked ? input.Value : null),
                IHtmlInputElement input when input.Type == "submit" => (null, null),
                IHtmlInputElement input => (input.Name, input.Value),
                IHtmlTextAreaElement area => (area.Name, area.Value),
                IHtmlSelectElement select => (select.Name, select.Value),
                _ => (null, null),
            };
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (fields.TryGetValue(name, out var replacement))
            {
                if (seen.Add(name))
                {
                    values.Add(new(name, replacement));
                }

                continue;
            }

            if (value is not null)
            {
                values.Add(new(name, value));
            }
        }

        foreach (var (name, value) in fields)
        {
            if (!seen.Contains(name) && values.All(v => v.Key != name))
            {
                values.Add(new(name, value));
            }
        }

        var target = action ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.Action);
        var response = await _http.PostAsync(new Uri(new Uri("http://localhost/"), target).PathAndQuery, new FormUrlEncodedContent(values));
        var body = await response.Content.ReadAsStringAsync();
        return new FormResult(response.StatusCode, response.Headers.Location?.ToString(), await ParseAsync(body, target), body);
    }

    /// <summary>Uploads a file through the page's multipart form, with the form's antiforgery token, as a browser would.</summary>
    public async Task<FormResult> UploadAsync(IDocument page, string field, string fileName, byte[] content)
    {
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().First(f => f.Enctype == "multipart/form-data");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        body.Add(new ByteArrayContent(content), field, fileName);
        var target = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.Action;
        var response = await _http.PostAsync(new Uri(new Uri("http://localhost/"), target).PathAndQuery, body);
        var html = await response.Content.ReadAsStringAsync();
        return new FormResult(response.StatusCode, response.Headers.Location?.ToString(), await ParseAsync(html, target), html);
    }

    private static async Task<IDocument> ParseAsync(string html, string url = "http://localhost/")
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(url.StartsWith("http", StringComparison.Ordinal) ? url : "http://localhost" + url));
    }

    private static string Excerpt(string body) => body.Length > 2000 ? body[..2000] : body;
}

public sealed record FormResult(HttpStatusCode Status, string? Location, IDocument Document, string Body)
{
    public IReadOnlyList<string> Errors =>
        [.. Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim())];
}
