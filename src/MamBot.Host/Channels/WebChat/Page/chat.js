// The centre's chat page: sends what the resident types or presses, shows replies and proactive messages.
(() => {
  "use strict";
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const shown = new Map(); // message id → its bubble
  const pollMs = 5000;
  const retryDelaysMs = [1000, 2000, 4000, 8000];

  const conversationId = localStorage.getItem("mambot.conversation") || newId();
  localStorage.setItem("mambot.conversation", conversationId);
  let lastId = 0;

  function newId() {
    // 128 random bits from the browser's cryptographic generator (also on plain HTTP, unlike randomUUID).
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
  }

  // Shows new messages. Once buttons arrive, the older messages' buttons are marked inactive, so a screen reader
  // does not offer them as the current choice. The answer to what the resident just did (oneAnswer) keeps all its
  // buttons (the welcome offers languages, then consent); a poll does not say where one answer ends (the history,
  // on opening the page), so there only its newest message with buttons stays active.
  function showAll(messages, oneAnswer) {
    const fresh = messages.filter(m => !shown.has(m.id));
    let retired = false;
    for (const message of fresh) {
      if ((message.buttons || []).length && !(oneAnswer && retired)) {
        for (const old of log.querySelectorAll(".buttons button:not([aria-disabled])"))
          old.setAttribute("aria-disabled", "true");
        retired = true;
      }
      show(message);
    }
    if (fresh.length) scrollToEnd();
  }

  function show(message) {
    lastId = Math.max(lastId, message.id);
    const bubble = document.createElement("div");
    shown.set(message.id, bubble);
    bubble.className = "msg bot";
    bubble.tabIndex = -1; // focusable by the script only: after a press, focus goes to the answer
    bubble.textContent = message.text;
    if (message.file) {
      const link = document.createElement("a");
      link.className = "file";
      link.href = message.file.url;
      link.download = message.file.name;
      link.textContent = "📎 " + message.file.name;
      bubble.appendChild(document.createElement("br"));
      bubble.appendChild(link);
    }
    for (const row of message.buttons || []) {
      const rowEl = document.createElement("div");
      rowEl.className = "buttons";
      for (const b of row) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", () => {
          if (button.getAttribute("aria-disabled") !== "true") send({ payload: b.payload }, b.title, true);
        });
        rowEl.appendChild(button);
      }
      bubble.appendChild(rowEl);
    }
    log.appendChild(bubble);
  }

  function showMine(text) {
    const bubble = document.createElement("div");
    bubble.className = "msg me";
    bubble.textContent = text;
    log.appendChild(bubble);
    scrollToEnd();
  }

  // Only the log scrolls (the input bar sits below it, never over it): its bottom is the newest message's end,
  // buttons included, even when that message is taller than the log.
  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  // A message keeps its id across retries: if the bot restarted mid-way, it answers the same message once.
  // pressed: the resident pressed a button of a reply, so focus moves on to the answer (that button is now old).
  async function send(body, echo, pressed = false) {
    if (echo) showMine(echo);
    status.textContent = "";
    const message = JSON.stringify({ ...body, clientMessageId: newId() });
    for (let attempt = 0; ; attempt++) {
      let response = null;
      try {
        response = await fetch(`/api/chat/${conversationId}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: message,
        });
      } catch { /* no connection: retried below */ }
      const retry = !response || response.status >= 500;
      if (retry && attempt < retryDelaysMs.length) {
        status.textContent = status.dataset.reconnecting;
        await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
        continue;
      }
      if (!response) { status.textContent = status.dataset.offline; return; }
      const data = await response.json().catch(() => ({}));
      if (!response.ok) { status.textContent = data.error || status.dataset.failed; return; }
      status.textContent = "";
      showAll(data.replies, true);
      // The answer's start (shown now or by a poll just before), so a screen reader reads it from there on into
      // its buttons; without scrolling, so the answer's end stays in view.
      if (pressed && data.replies.length) shown.get(data.replies[0].id).focus({ preventScroll: true });
      if (data.language) await speak(data.language);
      return;
    }
  }

  // The resident chose another language in the chat: the page's own words follow, now and on the next visit.
  async function speak(language) {
    if (language === document.documentElement.lang || !/^[a-z]{2}$/.test(language)) return;
    const response = await fetch(`/chat-texts/${language}`).catch(() => null);
    if (!response || !response.ok) return;
    const texts = await response.json();
    document.querySelectorAll("[data-text]").forEach(el => { el.textContent = texts[el.dataset.text]; });
    document.querySelectorAll("[data-placeholder]").forEach(el => { el.placeholder = texts[el.dataset.placeholder]; });
    document.querySelectorAll("[data-aria-label]").forEach(el => {
      el.setAttribute("aria-label", texts[el.dataset.ariaLabel]);
    });
    Object.assign(status.dataset,
      { reconnecting: texts.WebChatReconnecting, offline: texts.WebChatOffline, failed: texts.WebChatFailed });
    document.documentElement.lang = language;
    document.cookie = `mambot.lang=${language}; path=/; max-age=31536000; SameSite=Lax`;
  }

  async function poll() {
    try {
      const response = await fetch(`/api/chat/${conversationId}/messages?after=${lastId}`);
      if (response.ok) showAll((await response.json()).replies);
    } catch { /* offline for a moment: the next poll catches up */ }
  }

  // On a shared computer: this browser forgets the conversation and starts a new one; nothing is deleted on the server.
  const forget = document.getElementById("forget");
  const forgetAsk = document.getElementById("forget-ask");
  forget.addEventListener("click", () => {
    forget.hidden = true;
    forgetAsk.hidden = false;
    document.getElementById("forget-yes").focus();
  });
  document.getElementById("forget-no").addEventListener("click", () => {
    forgetAsk.hidden = true;
    forget.hidden = false;
  });
  document.getElementById("forget-yes").addEventListener("click", () => {
    localStorage.removeItem("mambot.conversation");
    location.replace(location.pathname);
  });

  // The page is as tall as what is visible of it: with the on-screen keyboard open (where the browser does not
  // shrink the page itself, as Safari), the input bar stays above the keyboard and the newest message above it.
  const viewport = window.visualViewport;
  if (viewport) {
    const fit = () => {
      const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      // Times the zoom: pinching in leaves the page as tall as before, only the keyboard shortens it.
      document.documentElement.style.setProperty("--page-height", `${viewport.height * viewport.scale}px`);
      if (atEnd) scrollToEnd();
    };
    viewport.addEventListener("resize", fit);
    fit();
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });

  (async () => {
    await poll();
    // A shared link like /?start=e12 opens that event once; the parameter is dropped so a reload does not repeat it.
    const start = new URLSearchParams(location.search).get("start");
    if (start && /^[A-Za-z0-9_-]{1,64}$/.test(start)) {
      history.replaceState(null, "", location.pathname);
      await send({ text: `/start ${start}` });
    } else if (lastId === 0) await send({ text: "/start" });
    setInterval(() => { if (!document.hidden) poll(); }, pollMs);
    input.focus();
  })();
})();
