namespace MamBot.Host.Tests.Turns;

/// <summary>
/// Inputs crafted to break the bot: malformed and truncated JSON, wrong types and nulls, out-of-range numbers and
/// dates, odd Unicode, stale and forged payloads, update kinds we do not handle. Add every input that ever crashed.
/// </summary>
public static class BadInputs
{
    /// <summary>Raw bodies of POST /api/chat/{id}: each is refused with a Polish 4xx or answered, never a 5xx.</summary>
    public static readonly string[] WebChatBodies =
    [
        "", " ", "{", "}", "[", "[]", "null", "true", "0", "-1", "\"text\"", "{\"text\":", "{\"text\":\"a\"", "{\"text\":\"a\",}",
        "{'text':'a'}", "{\"text\":5}", "{\"text\":true}", "{\"text\":[]}", "{\"text\":{}}", "{\"text\":null}", "{\"payload\":5}",
        "{\"payload\":[\"menu:main\"]}", "{\"payload\":null,\"text\":null}", "{\"clientMessageId\":5,\"text\":\"a\"}",
        "{\"clientMessageId\":\"../../etc\",\"text\":\"a\"}", "{\"clientMessageId\":\"" + new string('x', 65) + "\",\"text\":\"a\"}",
        "{\"text\":\"a\",\"payload\":\"menu:main\"}", "{\"text\":\"" + new string('a', 2001) + "\"}",
        "{\"payload\":\"" + new string('p', 65) + "\"}", "{\"text\":\"\\ud800\"}", "{\"text\":\"a\\udc00b\"}", "{\"payload\":\"\\udfff\"}",
        "{\"text\":\"\\u0000\"}", "{\"text\":\"   \"}", "{\"text\":\"\"}", "{\"text\":\"a\"}garbage", "{\"text\":\"a\",\"text\":\"b\"}",
        "{\"text\":1e309}", "{\"Text\":\"wielkie litery\"}", "{\"text\":\"a\",\"extra\":{\"deep\":[[[[[[[[[[]]]]]]]]]]}}",
        new string('[', 300) + new string(']', 300), "\uFEFF{\"text\":\"bom\"}", "{\"text\":\"a\"" + new string(' ', 20000) + "}",
    ];

    /// <summary>Typed text, sent as valid JSON at the main menu and inside the booking form: a calm answer, nothing booked.</summary>
    public static readonly string[] TypedTexts =
    [
        "1.1.0000", "0.0.0000", "31.02.2026", "29.02.2027", "32.13.2026", "1.1.9999", "1.1.10000", "99.99.99", "1.1.", ".1.1",
        "9999999999999 godzin", "99999999999999999999 minut", "-5 godzin", "0 minut", "25:61", "24:00", "99:99", "o 9999",
        "od 23 do 1", "od 17 do 17", "od -1 do 5", "dla 0 osób", "dla -3 osób", "dla 99999999999999999999 osób", "dla 2147483648 osób",
        "jutro o 25", "w 32 dniu", "za 99999999 dni", "za -1 dni", "w przyszłym tygodniu w poniedziałek o 8:61",
        "'; DROP TABLE Bookings; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "%s%s%s%n", "\u202Eodwrócony",
        "zero\u200Bwidth", "👍🏽👨‍👩‍👧", "Ｓａｌａ　ｄｕżａ", "ŻÓŁĆ", "ß", "İ", new string('ą', 2000), "\t\r\n", "/", "//", "/start " + new string('x', 500),
        "/start e99999999999999999999", "/start e-1", "/start e0", "/anuluj@", "@", "/menu@innybot", "/",
    ];

    /// <summary>Button payloads that no current message offers: forged, stale, out of range. A calm answer, nothing changed.</summary>
    public static readonly string[] Payloads =
    [
        "events:list:d99991231:0", "events:list:d00010101:0", "events:list:d20261301:0", "events:list:x:0", "events:list:d20261201:-1",
        "events:list:d20261201:99999999999", "events:show:0", "events:show:-1", "events:show:99999999999999999999", "events:join:999999",
        "events:leave:999999", "bookings:cancel:999999", "bookings:cancel:abc", "bookings:", "menu:", "menu:nieznane", "menu:book:extra",
        ":", "::::", "nieznany:prefiks", "consent:maybe", "settings:erase:yes", "settings:toggle:999", "staff:approve:1", "staff:reject:abc",
        "ideas:support:999999", "surveys:answer:999:1", "feedback:5:999999", "\u0000", "menu:\ud83d\ude00",
    ];

    /// <summary>Telegram webhook bodies: answered 200 (nothing to do) or 400, never 5xx, nothing stored.</summary>
    public static readonly string[] TelegramUpdates =
    [
        "{}", "[]", "null", "{\"update_id\":0}", "{\"update_id\":-5,\"message\":{}}", "{\"update_id\":\"x\"}", "{\"update_id\":1e20}",
        "{\"update_id\":901,\"message\":null}",
        "{\"update_id\":902,\"message\":{\"message_id\":1,\"date\":1795589215,\"text\":\"bez czatu\"}}",
        "{\"update_id\":903,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":null,\"text\":\"a\"}}",
        "{\"update_id\":904,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":\"x\",\"type\":\"private\"},\"text\":\"a\"}}",
        "{\"update_id\":905,\"message\":{\"message_id\":1,\"date\":99999999999999,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"a\"}}",
        "{\"update_id\":906,\"message\":{\"message_id\":1,\"date\":-1,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"a\"}}",
        "{\"update_id\":907,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"nieznany\"},\"text\":\"a\"}}",
        "{\"update_id\":908,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":5}}",
        "{\"update_id\":909,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"\\ud800\"}}",
        "{\"update_id\":910,\"edited_message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"a\"}}",
        "{\"update_id\":911,\"channel_post\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":-100,\"type\":\"channel\"},\"text\":\"a\"}}",
        "{\"update_id\":912,\"inline_query\":{\"id\":\"1\",\"from\":{\"id\":6001,\"is_bot\":false,\"first_name\":\"A\"},\"query\":\"x\",\"offset\":\"\"}}",
        "{\"update_id\":913,\"my_chat_member\":{\"chat\":{\"id\":6001,\"type\":\"private\"}}}",
        "{\"update_id\":914,\"poll\":{\"id\":\"1\",\"question\":\"?\",\"options\":[]}}",
        "{\"update_id\":915,\"callback_query\":{\"id\":\"c1\",\"from\":{\"id\":6001,\"is_bot\":false,\"first_name\":\"A\"},\"data\":\"menu:main\"}}",
        "{\"update_id\":916,\"callback_query\":{\"id\":\"c2\",\"from\":{\"id\":6001,\"is_bot\":false,\"first_name\":\"A\"},\"chat_instance\":\"1\",\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"}},\"data\":null}}",
        "{\"update_id\":917,\"callback_query\":{\"id\":\"c3\",\"from\":{\"id\":6001,\"is_bot\":false,\"first_name\":\"A\"},\"chat_instance\":\"1\",\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"}},\"data\":\"events:list:d99991231:0\"}}",
        "{\"update_id\":918,\"callback_query\":{\"id\":\"c4\",\"from\":{\"id\":6001,\"is_bot\":false,\"first_name\":\"A\"},\"chat_instance\":\"1\",\"message\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":6001,\"type\":\"private\"}},\"data\":\"staff:approve:1\"}}",
        "{\"update_id\":919,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"},\"photo\":[{\"file_id\":\"x\",\"file_unique_id\":\"y\",\"width\":1,\"height\":1}]}}",
        "{\"update_id\":920,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"/start e99999999999999999999\"}}",
        "{\"update_id\":921,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":-6002,\"type\":\"group\"},\"text\":\"/start\"}}",
        "{\"update_id\":922,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"1.1.0000\"}}",
        "{\"update_id\":923,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"9999999999999 godzin\"}}",
        "{\"update_id\":924,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":99999999999999999999,\"type\":\"private\"},\"text\":\"a\"}}",
        "{\"update_id\":925", "{\"update_id\":926,\"message\":{\"message_id\":1,\"date\":1795589215,\"chat\":{\"id\":6001,\"type\":\"private\"},\"text\":\"a\"}}}",
    ];

    /// <summary>Messenger webhook bodies (signed): answered 200 or 400, never 5xx; nothing parked, no apology.</summary>
    public static readonly string[] MessengerBodies =
    [
        "{}", "[]", "null", "{\"object\":5}", "{\"object\":null}", "{\"object\":\"instagram\",\"entry\":[]}", "{\"object\":\"page\"}",
        "{\"object\":\"page\",\"entry\":5}", "{\"object\":\"page\",\"entry\":[5]}", "{\"object\":\"page\",\"entry\":[{\"messaging\":5}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[5]}]}", "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":5}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":5}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":{\"mid\":\"b1\",\"text\":5}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"timestamp\":99999999999999999,\"message\":{\"mid\":\"b2\",\"text\":\"a\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"timestamp\":-5,\"message\":{\"mid\":\"b3\",\"text\":\"a\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"timestamp\":\"x\",\"message\":{\"mid\":\"b4\",\"text\":\"a\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":{\"mid\":\"b5\",\"text\":\"\\ud800\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"\\udc00\"},\"message\":{\"mid\":\"b6\",\"text\":\"a\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"postback\":5}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"postback\":{\"payload\":null}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"postback\":{\"mid\":\"b7\",\"payload\":\"events:list:d99991231:0\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":{\"mid\":\"b8\",\"quick_reply\":{\"payload\":5}}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":{\"mid\":\"b9\",\"attachments\":[{\"type\":\"image\"}]}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"referral\":5}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"delivery\":{\"mids\":[\"x\"]}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"read\":{\"watermark\":1}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":{\"mid\":\"b10\",\"is_echo\":true,\"text\":\"a\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"" + new string('9', 500) + "\"},\"message\":{\"mid\":\"b11\",\"text\":\"a\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":{\"mid\":\"b12\",\"text\":\"1.1.0000\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":{\"mid\":\"b13\",\"text\":\"9999999999999 godzin\"}}]}]}",
        "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p1\"},\"message\":{\"mid\":\"b14\"}}]}]}",
        "{\"object\":\"page\"", "not json at all",
    ];

    /// <summary>Panel addresses with odd query strings (signed in as an admin): never a 5xx.</summary>
    public static readonly string[] PanelUrls =
    [
        "/admin/bookings?week=999999", "/admin/bookings?week=-999999", "/admin/bookings?week=abc", "/admin/bookings?week=2147483648",
        "/admin/report?month=0001-01", "/admin/report?month=9999-12", "/admin/report?month=2026-13", "/admin/report?month=x",
        "/admin/report?month=", "/admin/events?week=999999", "/admin/events/999999", "/admin/ideas/999999", "/admin/surveys/999999",
        "/admin/broadcasts/999999", "/admin/residents/00000000-0000-0000-0000-000000000000", "/admin/residents?q=%00%ff",
        "/admin/surveys/2147483648", "/admin/events/-1",
    ];
}
