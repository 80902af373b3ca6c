// A bare ASP.NET Core app: what any web host costs to start and to keep idle. `startup` in MamBot.Benchmarks
// publishes it beside MamBot and compares the two.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
