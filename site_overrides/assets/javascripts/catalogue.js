/* Filters for the projects catalogue (/projects/).
 *
 * The full list is plain HTML; this script only hides and reorders the cards. Filter state
 * lives in the URL query, so a filtered view can be shared and the back button works. The
 * number of results is announced through an aria-live region. No inline script is needed,
 * so a Content-Security-Policy without 'unsafe-inline' works.
 */
(function () {
  "use strict";

  var LISTS = { area: "areas", council: "councils", place: "places", role: "roles" };
  var FLAGS = ["reusable", "partners", "review"];

  function setup() {
    var box = document.getElementById("pl-filters-box");
    var form = document.getElementById("pl-filters");
    var list = document.getElementById("pl-cards");
    if (!box || !form || !list || form.dataset.ready) return;
    form.dataset.ready = "1";
    var count = document.getElementById("pl-count");
    var empty = document.getElementById("pl-empty");
    var original = Array.prototype.slice.call(list.children);
    box.hidden = false;
    /* On phones the filters start folded away, unless the address already holds some. */
    if (window.matchMedia("(max-width: 59.9375em)").matches && !window.location.search) {
      box.open = false;
    }

    function readForm() {
      var params = new URLSearchParams();
      /* Not "q": Material opens its site-wide search for any page loaded with ?q=. */
      var words = form.elements.search.value.trim();
      if (words) params.set("search", words);
      form.querySelectorAll('input[name="phase"]:checked').forEach(function (box) {
        params.append("phase", box.value);
      });
      ["area", "council", "place", "collaboration", "role"].forEach(function (name) {
        if (form.elements[name].value) params.set(name, form.elements[name].value);
      });
      FLAGS.forEach(function (name) {
        if (form.elements[name].checked) params.set(name, "1");
      });
      if (form.elements.sort.value !== "updated") params.set("sort", form.elements.sort.value);
      return params;
    }

    function writeForm(params) {
      form.elements.search.value = params.get("search") || "";
      var phases = params.getAll("phase");
      form.querySelectorAll('input[name="phase"]').forEach(function (box) {
        box.checked = phases.indexOf(box.value) !== -1;
      });
      ["area", "council", "place", "collaboration", "role"].forEach(function (name) {
        var select = form.elements[name];
        var wanted = params.get(name) || "";
        select.value = wanted;
        if (select.value !== wanted) select.value = "";
      });
      FLAGS.forEach(function (name) {
        form.elements[name].checked = params.get(name) === "1";
      });
      var sort = params.get("sort") || "updated";
      form.elements.sort.value = sort;
      if (form.elements.sort.value !== sort) form.elements.sort.value = "updated";
    }

    function matches(card, params) {
      var data = card.dataset;
      var phases = params.getAll("phase");
      if (phases.length && phases.indexOf(data.phase) === -1) return false;
      for (var name in LISTS) {
        var wanted = params.get(name);
        if (wanted && (data[LISTS[name]] || "").split(" ").indexOf(wanted) === -1) return false;
      }
      var collaboration = params.get("collaboration");
      if (collaboration && data.collaboration !== collaboration) return false;
      for (var i = 0; i < FLAGS.length; i++) {
        if (params.get(FLAGS[i]) === "1" && data[FLAGS[i]] !== "1") return false;
      }
      var q = (params.get("search") || "").toLowerCase();
      if (q) {
        var text = card.textContent.toLowerCase();
        var words = q.split(/\s+/);
        for (var j = 0; j < words.length; j++) {
          if (text.indexOf(words[j]) === -1) return false;
        }
      }
      return true;
    }

    function order(sort) {
      var sorted = original.slice();
      if (sort === "title") {
        sorted.sort(function (a, b) { return a.dataset.title.localeCompare(b.dataset.title); });
      } else if (sort === "councils") {
        sorted.sort(function (a, b) { return Number(b.dataset.count) - Number(a.dataset.count); });
      }
      return sorted;
    }

    function apply(params) {
      var shown = 0;
      order(params.get("sort") || "updated").forEach(function (card) {
        var ok = matches(card, params);
        card.hidden = !ok;
        if (ok) shown += 1;
        list.appendChild(card);
      });
      var total = original.length;
      count.textContent = shown === total
        ? total + (total === 1 ? " project" : " projects")
        : shown + " of " + total + " projects match";
      empty.hidden = shown !== 0;
    }

    function update(push) {
      var params = readForm();
      var query = params.toString();
      var target = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (push) window.history.pushState({ plFilters: query }, "", target);
      else window.history.replaceState({ plFilters: query }, "", target);
      apply(params);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(true);
    });
    form.addEventListener("change", function (event) {
      if (event.target.name !== "search") update(true);
    });
    form.elements.search.addEventListener("input", function () { update(false); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { update(true); }, 0);
    });
    window.addEventListener("popstate", function () {
      var params = new URLSearchParams(window.location.search);
      writeForm(params);
      apply(params);
    });

    var initial = new URLSearchParams(window.location.search);
    writeForm(initial);
    apply(initial);
  }

  /* Material may swap pages without a reload (instant navigation); run on each page. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
