using MamBot.Data;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MamBot.Host.Admin;

/// <summary>
/// A form handler that writes nothing of its own and waits on something slow (the language model): it must not
/// hold the write lock meanwhile, so it runs outside the panel's transaction.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OutsideTransactionAttribute : Attribute;

/// <summary>
/// Every form a staff member sends is one transaction, as a chat turn is (ContosoUniversity's
/// DbContextTransactionPageFilter): the desk's write, the resident's notice, the reminders and the staff message
/// commit together or not at all. Desks join it through <see cref="MamDbContext.BeginWriteAsync"/>. Signals to
/// other parts of the host ("deliver this now") wait for the commit (<see cref="AfterCommit"/>).
/// </summary>
public sealed class PanelTransaction(MamDbContext db) : IAsyncPageFilter
{
    private List<Func<CancellationToken, Task>>? _afterCommit;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var ct = context.HttpContext.RequestAborted;
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
            || context.HandlerMethod?.MethodInfo.IsDefined(typeof(OutsideTransactionAttribute), inherit: false) == true)
        {
            await next();
            return;
        }
        _afterCommit = [];
        var executed = await RunInTransactionAsync(next, ct);
        var after = _afterCommit;
        _afterCommit = null;
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        foreach (var work in after) await work(ct);
    }

    private async Task<PageHandlerExecutedContext> RunInTransactionAsync(PageHandlerExecutionDelegate next, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        var executed = await next();
        // A handler that failed leaves nothing behind: disposing the transaction rolls it back.
        if (executed.Exception is null || executed.ExceptionHandled) await transaction.CommitAsync(ct);
        return executed;
    }

    /// <summary>Runs <paramref name="work"/> once the form's transaction has committed (at once outside one).</summary>
    public Task AfterCommit(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        if (_afterCommit is null) return work(ct);
        _afterCommit.Add(work);
        return Task.CompletedTask;
    }
}
