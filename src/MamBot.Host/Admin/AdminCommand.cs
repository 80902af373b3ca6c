using MamBot.Data.Staff;
using MamBot.Host.Setup;

namespace MamBot.Host.Admin;

/// <summary>
/// <c>dotnet run --project src/MamBot.Host -- admin create --email ania@mam.pl [--role admin|animator] [--name "Ania"]</c>:
/// creates a staff account and prints its generated password once. There is no default password anywhere.
/// <c>admin reset-password --email ania@mam.pl</c>: a new generated password (and no lockout) for an admin who
/// forgot theirs and has no other admin to ask, run by whoever runs the server.
/// </summary>
public static class AdminCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (args.Length < 2 || args[1] is not ("create" or "reset-password") || Option("--email") is not { } email)
        {
            await errors.WriteLineAsync("usage: admin create --email ania@example.org [--role admin|animator] [--name \"Ania\"]");
            await errors.WriteLineAsync("       admin reset-password --email ania@example.org");
            return 2;
        }
        var settings = args.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.AddMamStorage();
        builder.Services.AddSingleton<SignInGuard>();
        builder.Services.AddScoped<StaffAccounts>();
        await using var app = builder.Build();
        await app.PrepareMamStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        if (args[1] == "reset-password")
        {
            if (await accounts.FindByEmailAsync(email, default) is not { } user)
            {
                await errors.WriteLineAsync($"No staff account for {email}.");
                return 1;
            }
            var fresh = await accounts.ResetPasswordAsync(user.Id, default);
            await output.WriteLineAsync($"New password for {user.Email} (shown once, write it down): {fresh}");
            await output.WriteLineAsync("Sign in at /admin/login.");
            return 0;
        }
        try
        {
            var (user, password) = await accounts.CreateAsync(email, Option("--role") ?? StaffRoles.Admin, Option("--name"), null, default);
            await output.WriteLineAsync($"Created {user.Role} account {user.Email}.");
            await output.WriteLineAsync($"Password (shown once, write it down): {password}");
            await output.WriteLineAsync("Sign in at /admin/login.");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
