// Keyboard access to Material's navigation drawer on narrow screens. Material opens it with a
// <label> for a hidden checkbox, which the keyboard cannot reach; this makes that label a
// button that says whether the menu is open, and lets Escape close it. Material's own keyboard
// handler already clicks a focused label on Enter; Space, as on any button, is added here.
// accessibility.css takes the closed drawer out of the focus order once this has run.
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  if (!toggle || !button) return;

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  button.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      button.click();
    }
  });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      button.focus();
    }
  });
  sync();
})();

// Material marks the current page and section in the tabs and the drawer with classes only,
// which screen readers do not announce: name them with aria-current too ("page" for a link to
// the page itself, "true" for the section a record page belongs to).
(function () {
  var current = document.querySelectorAll(
    ".md-tabs__item--active > .md-tabs__link, .md-nav__item--active > .md-nav__link[href]"
  );
  for (var i = 0; i < current.length; i++) {
    var href = current[i].getAttribute("href");
    current[i].setAttribute("aria-current", href === "./" || href === "." ? "page" : "true");
  }
})();
