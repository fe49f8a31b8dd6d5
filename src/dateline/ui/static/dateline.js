// dateline: the only script. Changing the as-of date reloads the page as of that date; "print" prints the page.
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
});
