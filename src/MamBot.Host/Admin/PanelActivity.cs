using MamBot.Dialogs.Handoffs;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MamBot.Host.Admin;

/// <summary>Marks a page handler that the page calls by itself (polling): it is not the person's own work.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PolledAttribute : Attribute;

/// <summary>
/// Every page a staff member opens and every form they send keeps their "przy czacie" running; a page polling
/// by itself does not, so a panel left open on an empty desk stops promising residents an answer.
/// </summary>
public sealed class PanelActivity(PresenceDesk presence) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var polled = context.HandlerMethod?.MethodInfo.IsDefined(typeof(PolledAttribute), inherit: false) == true;
        if (!polled && AdminSetup.StaffId(context.HttpContext.User) is { } staffId)
            await presence.SeenAsync(staffId, context.HttpContext.RequestAborted);
        await next();
    }
}
