using MamBot.Data.Handoffs;
using MamBot.Data.Ideas;
using MamBot.Data.Outbox;
using MamBot.Dialogs;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Understanding;
using MamBot.Host.Admin;
using MamBot.Host.Channels.Messenger;
using MamBot.Host.Channels.Telegram;
using MamBot.Host.Channels.WebChat;
using MamBot.Host.Outbox;
using MamBot.Host.Posters;
using MamBot.Host.Security;
using MamBot.Host.Setup;
using MamBot.Host.Turns;

if (UnderstandCommand.Matches(args)) return await UnderstandCommand.RunAsync(args, Console.Out, Console.Error);
if (AdminCommand.Matches(args)) return await AdminCommand.RunAsync(args, Console.Out, Console.Error);
if (CopyToPostgresCommand.Matches(args)) return await CopyToPostgresCommand.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json sits at the repository root and is copied next to the binaries.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.AddMamSecurity();
builder.AddMamStorage();
builder.Services.AddMamDialogs();
builder.Services.AddHostedService<MamBot.Host.Setup.UnderstandingWarmUp>();
builder.Services.AddOptions<LlmOptions>().Bind(builder.Configuration.GetSection(LlmOptions.Section));
builder.Services.AddOptions<NudgeTimingOptions>().Bind(builder.Configuration.GetSection(NudgeTimingOptions.Section));
builder.Services.AddOptions<IdeaOptions>().Bind(builder.Configuration.GetSection(IdeaOptions.Section));
builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.Section));
builder.Services.AddOptions<HandoffOptions>().Bind(builder.Configuration.GetSection(HandoffOptions.Section))
    .Validate(o => o.IdleHours > 0 && o.UsualReplyMinutes > 0 && o.KeepDays > 0 && o.AvailableIdleMinutes > 0, "Handoff:* must be positive.")
    .ValidateOnStart();
builder.AddMamJobs();
builder.AddMamDelivery();
builder.AddMamTurnAdmission();
builder.AddWebChat();
builder.AddTelegram();
builder.AddMessenger();
builder.AddMamHealth();
builder.AddMamAdmin();
builder.AddPosters();

var app = builder.Build();

app.UseMamErrors();
app.UseMamSecurity();
app.UseRateLimiter();

await app.PrepareMamStorageAsync();
await app.ScheduleMamJobsAsync();
app.MapWebChat();
app.MapTelegram();
app.MapMessenger();
app.MapMamHealth();
app.MapMamAdmin();
app.MapPosters();

// Read before running: RunAsync disposes the services when the host stops.
var exitCode = app.ExitCodeAfterStop();
await app.RunAsync();
return exitCode();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
