// Every panel page: what waits for the team (residents asking for a person, bookings waiting for a decision)
// shows in the menu and the tab's title without a reload; a short sound, if the person switched it on.
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || !script.dataset.url) return;
  const pollMs = Number(script.dataset.pollMs || 5000);
  const soundKey = "mambot.panel.sound";
  const baseTitle = document.title.replace(/^\(\d+\) /, "");
  const sound = document.getElementById("panel-sound");
  const news = document.getElementById("panel-news");
  const shown = {};
  for (const span of document.querySelectorAll("[data-count]")) {
    shown[span.dataset.count] = Number((span.textContent.match(/\d+/) || ["0"])[0]);
  }

  function ring() {
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = 880;
      volume.gain.value = 0.2;
      tone.connect(volume).connect(audio.destination);
      tone.onended = () => audio.close();
      tone.start();
      tone.stop(audio.currentTime + 0.3);
    } catch { /* no audio on this device: the title and the menu still say it */ }
    sound.dataset.rang = String(Number(sound.dataset.rang || 0) + 1);
  }

  if (sound) {
    sound.closest("label").hidden = false; // useless without this script, so shown only by it
    sound.checked = localStorage.getItem(soundKey) === "on";
    sound.addEventListener("change", () => localStorage.setItem(soundKey, sound.checked ? "on" : "off"));
  }

  function show(counts) {
    let grew = false;
    let total = 0;
    for (const span of document.querySelectorAll("[data-count]")) {
      const count = Number(counts[span.dataset.count] || 0);
      if (count > (shown[span.dataset.count] || 0)) grew = true;
      shown[span.dataset.count] = count;
      span.textContent = count > 0 ? ` (${count})` : "";
      total += count;
    }
    document.title = (total > 0 ? `(${total}) ` : "") + baseTitle;
    if (!grew) return;
    if (news) news.hidden = false;
    if (sound && sound.checked) ring();
  }

  async function poll() {
    try {
      const response = await fetch(script.dataset.url, { credentials: "same-origin", redirect: "manual" });
      if (response.ok) show(await response.json());
    } catch { /* offline for a moment: the next poll catches up */ }
  }

  // Also while the tab is hidden: the title is how a person in another tab learns that someone waits.
  setInterval(poll, pollMs);
})();
