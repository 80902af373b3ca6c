// Attendance on the day: a ticked or cleared box is saved at once, without the row's button or a reload.
(() => {
  "use strict";
  const list = document.getElementById("attendance");
  if (!list) return;
  for (const form of list.querySelectorAll("form")) {
    const box = form.querySelector("input[type=checkbox]");
    const status = form.querySelector(".saved");
    form.querySelector("button").hidden = true;
    box.addEventListener("change", async () => {
      const wanted = box.checked;
      status.classList.remove("failed");
      status.textContent = "";
      let message = list.dataset.failed;
      try {
        const response = await fetch(form.action, {
          method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "X-Requested-With": "fetch" },
        });
        // Only 204 is a saved tick: a signed-out session answers with the login page (200 after a redirect).
        if (response.status === 204) {
          status.textContent = list.dataset.saved;
          return;
        }
        if (response.status === 409) message = await response.text();
      } catch { /* offline for a moment: say it did not save */ }
      box.checked = !wanted; // what is shown is what is saved
      status.classList.add("failed");
      status.textContent = message;
    });
  }
})();
