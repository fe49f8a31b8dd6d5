// dateline: the only script. Changing the as-of date reloads the page as of that date; "print" prints the page;
// sections marked data-fragment (slow to build, such as an entity's timeline) are fetched after the page shows.
// Every page works without it.
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("[data-asof-input]")) {
    input.addEventListener("change", () => {
      if (!input.value || /^\d{4}-\d{2}-\d{2}$/.test(input.value)) input.form.requestSubmit();
    });
  }
  for (const link of document.querySelectorAll("[data-print]")) {
    link.addEventListener("click", (event) => { event.preventDefault(); window.print(); });
  }
  for (const section of document.querySelectorAll("[data-fragment]")) {
    fetch(section.dataset.fragment, { headers: { accept: "text/html" } })
      .then((response) => response.text().then((html) => ({ ok: response.ok, html })))
      .then(({ ok, html }) => {
        if (ok) section.innerHTML = html;
        else section.querySelector(".loading").textContent = "The timeline could not be built.";
      })
      .catch(() => { section.querySelector(".loading").textContent = "The timeline could not be loaded."; });
  }
});
