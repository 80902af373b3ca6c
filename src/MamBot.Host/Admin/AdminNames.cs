using MamBot.Data.Residents;

namespace MamBot.Host.Admin;

/// <summary>Polish names the panel shows for values that several pages use.</summary>
public static class AdminNames
{
    public static string Of(Audience audience) => audience switch
    {
        Audience.CategorySubscribers => AdminText.AudienceCategory,
        Audience.EventParticipants => AdminText.AudienceEvent,
        _ => AdminText.AudienceAll,
    };
}
