using MamBot.Dialogs.About;
using MamBot.Dialogs.Bookings;
using MamBot.Dialogs.Broadcasts;
using MamBot.Dialogs.Conversation;
using MamBot.Dialogs.Events;
using MamBot.Dialogs.Ideas;
using MamBot.Dialogs.Menu;
using MamBot.Dialogs.Settings;
using MamBot.Dialogs.Staff;
using MamBot.Dialogs.Surveys;
using MamBot.Dialogs.Understanding;
using MamBot.Dialogs.Welcome;
using Microsoft.Extensions.DependencyInjection;

[assembly: System.Resources.NeutralResourcesLanguage("pl")]

namespace MamBot.Dialogs;

public static class MamDialogsSetup
{
    /// <summary>The conversation engine and every dialog, command and button action (scoped: one turn, one scope).</summary>
    public static IServiceCollection AddMamDialogs(this IServiceCollection services)
    {
        // Texts follow the UI culture: Polish unless a turn speaks the resident's language, whatever the server's locale.
        Texts.Language.MakePolishTheDefault();
        services.AddOptions();
        services.AddLogging();
        services.AddScoped<LlmUnderstanding>();
        services.AddScoped<ConversationEngine>();
        services.AddScoped<DialogSet>();

        services.AddScoped<Dialog, ChoicePrompt>();
        services.AddScoped<Dialog, TextPrompt>();
        services.AddScoped<Dialog, EraseDataDialog>();
        services.AddScoped<Dialog, BookRoomDialog>();
        services.AddScoped<Dialog, CancelBookingDialog>();
        services.AddScoped<Dialog, EventFeedbackDialog>();
        services.AddScoped<Dialog, ProposeIdeaDialog>();
        services.AddScoped<Dialog, OfferHelpDialog>();
        services.AddScoped<Dialog, AnswerSurveyDialog>();

        services.AddScoped<Repair.ConversationRepair>();
        services.AddScoped<Repair.RoomAvailability>();
        services.AddScoped<IButtonAction, Repair.BookAtAction>();
        services.AddScoped<MainMenu>();
        services.AddScoped<AboutCentre>();
        services.AddScoped<SettingsActions>();
        services.AddScoped<WelcomeActions>();
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<MainMenu>());
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<AboutCentre>());
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<SettingsActions>());
        services.AddScoped<LanguageActions>();
        // Messages composed when they are sent (reminders queued days ahead), in the resident's language then.
        services.AddScoped<LaterMessageComposer>();
        services.AddScoped<Texts.RecipientLanguage>();
        services.AddScoped<IMessageRecipe, EventReminderRecipe>();
        services.AddScoped<IMessageRecipe, EventFeedbackRecipe>();
        services.AddScoped<IMessageRecipe, BookingReminderRecipe>();
        services.AddScoped<IMessageRecipe, FollowUpRecipe>();
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<LanguageActions>());
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<WelcomeActions>());
        services.AddScoped<IButtonAction, FaqAnswer>();
        services.AddScoped<MyBookings>();
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<MyBookings>());
        services.AddScoped<EventsBoard>();
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<EventsBoard>());
        services.AddScoped<IdeasBoard>();
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<IdeasBoard>());
        services.AddScoped<IButtonAction, StaffChatActions>();
        services.AddScoped<Handoffs.HandoffDesk>();
        services.AddScoped<Handoffs.PresenceDesk>();
        services.AddScoped<IButtonAction, Handoffs.HandoffActions>();
        services.AddScoped<StaffSummaries>();
        services.AddScoped<TeamTranslator>();
        services.AddScoped<SurveysBoard>();
        services.AddScoped<IButtonAction>(sp => sp.GetRequiredService<SurveysBoard>());

        services.AddScoped<ICommand, StartCommand>();
        services.AddScoped<ICommand, MenuCommand>();
        services.AddScoped<ICommand, HelpCommand>();
        services.AddScoped<ICommand, CancelCommand>();
        services.AddScoped<ICommand, StopCommand>();

        services.AddScoped<FollowUpNudge>();
        services.AddScoped<ReminderPromise>();
        services.AddScoped<BookingDesk>();
        services.AddScoped<EventDesk>();
        services.AddScoped<IdeaDesk>();
        services.AddScoped<SurveyDesk>();
        services.AddScoped<BroadcastDesk>();
        services.AddScoped<WeeklyDigest>();
        services.AddScoped<DataExportReply>();
        services.AddScoped<PrivacyDesk>();
        services.AddScoped<ResidentRetention>();
        return services;
    }
}
