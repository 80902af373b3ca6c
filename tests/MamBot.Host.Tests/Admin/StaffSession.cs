using System.Net;
using System.Text.RegularExpressions;
using MamBot.Data.Staff;
using MamBot.Host.Admin;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MamBot.Host.Tests.Admin;

/// <summary>A staff member's browser as plain HTTP: signed in with a cookie, posting forms with the antiforgery token.</summary>
public sealed partial class StaffSession
{
    public const string Password = "sloneczny-Kozlowek-2026";
    private string _token = "";

    private StaffSession(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static async Task<StaffSession> SignInAsync(MamApp app, string email = "ania@mam.example", string role = StaffRoles.Animator)
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, role, email.Split('@')[0], Password, default);
        return await SignInWithPasswordAsync(app, email, Password);
    }

    public static async Task<StaffSession> SignInWithPasswordAsync(MamApp app, string email, string password)
    {
        var session = new StaffSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var login = await session.PostAsync("/admin/login", ("Email", email), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return session;
    }

    /// <summary>GETs a page that must answer 200 and returns its HTML (and remembers the form token on it).</summary>
    public async Task<string> PageAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {html}");
        if (TokenField().Match(html) is { Success: true } match) _token = match.Groups[1].Value;
        return html;
    }

    /// <summary>Posts a form as the browser would (with the antiforgery token of the signed-in session).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        if (_token.Length == 0) await PageAsync("/admin/login");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", _token));
        var response = await Http.PostAsync(path, new FormUrlEncodedContent(form));
        if (path == "/admin/login" && response.StatusCode == HttpStatusCode.Redirect) await PageAsync("/admin"); // the token belongs to the user: take the signed-in one
        return response;
    }

    /// <summary>Posts a form that should succeed (a redirect) and returns the page it leads to.</summary>
    public async Task<string> SubmitAsync(string path, params (string Name, string Value)[] fields)
    {
        var response = await PostAsync(path, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await PageAsync(response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>The page's text without tags, so tests read what a person sees.</summary>
    public static string Text(string html)
    {
        var withoutCode = Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", "", RegexOptions.Singleline);
        // A link runs on inside its sentence ("tel. 600 700 800, 20 osób"): no space where it starts or ends.
        var withoutLinks = Regex.Replace(withoutCode, "</?a\\b[^>]*>", "");
        var text = WebUtility.HtmlDecode(Regex.Replace(withoutLinks, "<[^>]+>", " "));
        return Regex.Replace(text, "\\s+", " ");
    }
}
