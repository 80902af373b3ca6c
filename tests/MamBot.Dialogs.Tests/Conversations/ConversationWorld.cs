using MamBot.Data.Centres;

namespace MamBot.Dialogs.Tests.Conversations;

/// <summary>The centre of world.md, as the team would set it up: what the held-out conversations' writers were told.</summary>
internal static class ConversationWorld
{
    /// <param name="set">
    /// The first set was written before world.md existed, by a writer not told where events happen: there they
    /// take no room, so no booking of that set meets an event the writer could not know of.
    /// </param>
    public static SampleCentre Centre(string set = "") => new SampleCentre
    {
        Slug = "mam-na-kozlowce",
        Name = "MAM Na Kozłówce",
        Address = "os. Na Kozłówce, Kraków (Dzielnica XII Bieżanów-Prokocim)",
        Phone = "12 000 00 00",
        Email = "mam@example.org",
        KeyPickup = "Klucz odbierzesz u osoby dyżurnej przy wejściu; oddaj go tam po wyjściu.",
        KeyPickupUk = "Ключ візьміть у чергової особи біля входу і поверніть туди, коли йтимете.",
        KeyPickupEn = "Pick up the key from the person on duty at the entrance and return it there when you leave.",
        OpeningHours = new()
        {
            ["Monday"] = "09:00-21:00", ["Tuesday"] = "09:00-21:00", ["Wednesday"] = "09:00-21:00",
            ["Thursday"] = "09:00-21:00", ["Friday"] = "09:00-21:00", ["Saturday"] = "09:00-21:00",
            ["Sunday"] = "10:00-18:00",
        },
        HouseRules =
        [
            "Sale są dla wszystkich mieszkańców, bezpłatnie. Sprzątamy po sobie.",
            "Klucz odbierasz i oddajesz u osoby dyżurnej.",
            "Cisza po 21:00, bez alkoholu. Dzieci przychodzą pod opieką dorosłych.",
        ],
        HouseRulesUk =
        [
            "Зали відкриті для всіх мешканців і безкоштовні. Прибираємо після себе.",
            "Ключ берете й повертаєте черговій особі.",
            "Після 21:00 — тиша, без алкоголю. Діти приходять разом із дорослими.",
        ],
        HouseRulesEn =
        [
            "The rooms are for all residents, free of charge. We tidy up after ourselves.",
            "Pick up the key from the person on duty and return it there.",
            "Quiet after 21:00, no alcohol. Children come with an adult.",
        ],
        Faq =
        [
            new()
            {
                Question = "Czy za korzystanie z MAM trzeba płacić?", Answer = "Nie. Sale, wydarzenia i herbata są dla mieszkańców bezpłatne.",
                QuestionUk = "Чи треба платити за користування MAM?", AnswerUk = "Ні. Зали, заходи й чай для мешканців безкоштовні.",
                QuestionEn = "Do I have to pay to use MAM?", AnswerEn = "No. Rooms, events and tea are free for residents.",
            },
            new()
            {
                Question = "Czy mogę przyjść z dzieckiem?", Answer = "Oczywiście, dzieci są pod opieką swoich dorosłych.",
                QuestionUk = "Чи можна прийти з дитиною?", AnswerUk = "Звісно, діти перебувають під опікою своїх дорослих.",
                QuestionEn = "Can I come with my child?", AnswerEn = "Of course; children stay in the care of their adults.",
            },
        ],
        Rooms =
        [
            Room("Sala duża", "duża, duza, główna, велика, velyka, big, large", 30,
                ("rzutnik, nagłośnienie, 30 krzeseł", "проєктор, звукова система, 30 стільців", "projector, sound system, 30 chairs"),
                ("Велика зала", "Big room"), approval: true, min: 60, max: 240, noticeMinutes: 1440),
            Room("Sala mała", "mała, mala, salka, мала, маленька, small", 10,
                ("stół, tablica", "стіл, дошка", "table, whiteboard"), ("Мала зала", "Small room")),
            Room("Kuchnia", "kuchnia, kuchni, kuchnię, кухня, kukhnia, kitchen", 8,
                ("lodówka, płyta, czajnik", "холодильник, плита, чайник", "fridge, hob, kettle"), ("Кухня", "Kitchen")),
        ],
        Events =
        [
            Weekly(("Joga", "Йога", "Yoga"), "Monday", "18:00", 60, "Sala duża", 15, "Seniors"),
            Weekly(Gymnastics, "Tuesday", "10:30", 60, "Sala duża", 12, "Seniors"),
            Weekly(Gymnastics, "Thursday", "10:30", 60, "Sala duża", 12, "Seniors"),
            Weekly(("Zajęcia twórcze dla dzieci", "Творчі заняття для дітей", "Crafts for kids"), "Wednesday", "16:00", 90,
                "Sala mała", 10, "Kids"),
            Weekly(("Kawa sąsiedzka", "Сусідська кава", "Neighbours' coffee"), "Thursday", "17:00", 120, "Sala duża", null,
                "Neighbours"),
            Weekly(("Planszówki dla dzieci", "Настільні ігри для дітей", "Board games for kids"), "Friday", "16:00", 120,
                "Sala mała", 10, "Kids"),
            Weekly(("Śniadanie sąsiedzkie", "Сусідський сніданок", "Neighbourhood breakfast"), "Saturday", "09:30", 90,
                "Kuchnia", 8, "Neighbours"),
            Weekly(("Warsztaty ceramiki", "Гончарна майстерня", "Pottery workshop"), "Saturday", "12:00", 120, "Sala mała", 8,
                "Neighbours"),
        ],
    }.WithoutEventRoomsIf(set == "v1");

    private static SampleCentre WithoutEventRoomsIf(this SampleCentre centre, bool condition)
    {
        if (condition) centre.Events.ForEach(e => e.Room = "");
        return centre;
    }

    private static readonly (string, string, string) Gymnastics =
        ("Gimnastyka dla seniorów", "Гімнастика для старших", "Gentle exercise for seniors");

    private static SampleRoom Room(string name, string aliases, int capacity, (string Pl, string Uk, string En) equipment,
        (string Uk, string En) names, bool approval = false, int min = 30, int max = 180, int noticeMinutes = 60) => new()
    {
        Name = name, NameUk = names.Uk, NameEn = names.En, Aliases = aliases, Capacity = capacity,
        Equipment = equipment.Pl, EquipmentUk = equipment.Uk, EquipmentEn = equipment.En, RequiresApproval = approval,
        MinMinutes = min, MaxMinutes = max, MaxDaysAhead = 60, BufferMinutes = 15, MinNoticeMinutes = noticeMinutes,
    };

    private static SampleEvent Weekly((string Pl, string Uk, string En) title, string day, string time, int minutes,
        string room, int? capacity, string category) => new()
    {
        Title = title.Pl, TitleUk = title.Uk, TitleEn = title.En, Description = "Zapraszamy!", Day = day, Time = time, Minutes = minutes, Room = room,
        Capacity = capacity, Category = category, Organiser = "Zespół MAM", Weeks = 3,
    };
}
