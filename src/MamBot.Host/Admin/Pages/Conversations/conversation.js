// A conversation in the panel: the resident's new messages appear without reloading the page.
(() => {
  "use strict";
  const transcript = document.getElementById("transcript");
  if (!transcript) return;
  const pollMs = 3000;
  let after = Number(transcript.dataset.after || 0);

  function show(message) {
    const paragraph = document.createElement("p");
    paragraph.className = "card";
    paragraph.style.whiteSpace = "pre-line";
    const who = document.createElement("strong");
    who.textContent = `${message.who}, ${message.time}:`;
    paragraph.append(who, " ", message.text);
    transcript.querySelector(".empty")?.remove();
    transcript.appendChild(paragraph);
    after = Math.max(after, message.id);
  }

  async function poll() {
    try {
      const response = await fetch(`${transcript.dataset.url}&after=${after}`, { credentials: "same-origin" });
      if (response.ok) (await response.json()).forEach(show);
    } catch { /* offline for a moment: the next poll catches up */ }
  }

  setInterval(() => { if (!document.hidden) poll(); }, pollMs);
})();
