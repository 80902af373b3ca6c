using MamBot.Data.Centres;

namespace MamBot.Tests.Shared;

public static class TestCentre
{
    /// <summary>The same shape as appsettings' SampleCentre, small and fixed for assertions.</summary>
    public static SampleCentre Sample() => new()
    {
        Slug = "mam-test",
        Name = "MAM Na Kozłówce",
        Address = "os. Na Kozłówce, Kraków",
        Phone = "12 345 67 89",
        Email = "mam@example.org",
        OpeningHours = new()
        {
            ["Monday"] = "10:00-20:00", ["Tuesday"] = "10:00-20:00", ["Wednesday"] = "10:00-20:00",
            ["Thursday"] = "10:00-20:00", ["Friday"] = "10:00-20:00", ["Saturday"] = "10:00-14:00",
        },
        HouseRules = ["Sprzątamy po sobie.", "Cisza po 21:00."],
        Faq =
        [
            new() { Question = "Czy za korzystanie z MAM trzeba płacić?", Answer = "Nie, MAM jest bezpłatny." },
            new() { Question = "Czy mogę przyjść z dzieckiem?", Answer = "Oczywiście." },
        ],
        Rooms =
        [
            new() { Name = "Sala duża", Aliases = "duża, велика, big, large", Capacity = 30, RequiresApproval = true },
            new() { Name = "Sala mała", Aliases = "mała, мала, маленька, small", Capacity = 10 },
        ],
    };

    /// <summary>Wednesday 25 November 2026, 09:00 UTC (10:00 in Kraków).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
}
