/* Filters for the projects catalogue (/projects/).
 *
 * The catalogue is plain HTML, in pages of 50 cards (/projects/page/2/ and on), so it works
 * without this script. When every project is on the page, the script only hides and reorders
 * the cards. When there are more pages, it fetches projects/cards.json the first time someone
 * filters, sorts or searches, and shows the matching projects from the whole catalogue, 50 at
 * a time; clearing the filters brings the page's own cards and page links back.
 *
 * Filter state lives in the URL query, so a filtered view can be shared and the back button
 * works. The number of results is announced through an aria-live region; on a phone, where the
 * count is below the fold, a "Show N projects" button moves to just below the filter last
 * changed, and folds the filters away to show the results. Cards are built with
 * textContent only, and no inline script is needed, so a Content-Security-Policy without
 * 'unsafe-inline' works.
 */
(function () {
  "use strict";

  /* The filters' names come from the form (data-selects, data-flags), which the page generator
     writes from its one list (generator/pages/projects.py). Selects matched against a list in
     cards.json name it here; the others hold one value. */
  var LISTS = { area: "areas", council: "councils", place: "places", role: "roles" };
  var SELECTS = [];
  var FLAGS = [];
  var STEP = 50;
  /* Endings a typed word may lose, and what replaces them: "libraries" -> "library". */
  var ENDINGS = [["ies", "y"], ["es", ""], ["s", ""], ["ing", ""], ["ed", ""]];

  function setup() {
    var box = document.getElementById("pl-filters-box");
    var form = document.getElementById("pl-filters");
    var list = document.getElementById("pl-cards");
    if (!box || !form || !list || form.dataset.ready) return;
    form.dataset.ready = "1";
    SELECTS = (form.dataset.selects || "").split(" ").filter(Boolean);
    FLAGS = (form.dataset.flags || "").split(" ").filter(Boolean);
    var count = document.getElementById("pl-count");
    var empty = document.getElementById("pl-empty");
    /* "Show more" is made here: without this script there is nothing to show more of. */
    var more = document.createElement("p");
    more.className = "pl-more";
    more.id = "pl-more";
    more.hidden = true;
    var moreButton = document.createElement("button");
    moreButton.type = "button";
    moreButton.className = "md-button";
    moreButton.textContent = "Show more projects";
    more.appendChild(moreButton);
    empty.insertAdjacentElement("afterend", more);
    /* Phones only (pipeline.css hides it on wider screens): feedback within sight of the filters. */
    var show = document.createElement("button");
    show.type = "button";
    show.className = "md-button md-button--primary pl-show-results";
    show.id = "pl-show";
    form.appendChild(show);
    count.setAttribute("tabindex", "-1");
    var pager = document.querySelector(".pl-pager");
    var original = Array.prototype.slice.call(list.children);
    var originalCount = count.textContent;
    var total = Number(list.dataset.total || original.length);
    var paged = total > original.length;
    var source = list.dataset.source ? new URL(list.dataset.source, window.location.href) : null;
    var data = null;
    var loading = null;
    var shownLimit = STEP;
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
      SELECTS.forEach(function (name) {
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
      SELECTS.forEach(function (name) {
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

    /* One test for both kinds of item: a card's dataset, or a project from cards.json. */
    function matches(item, text, params) {
      var phases = params.getAll("phase");
      if (phases.length && phases.indexOf(item.phase) === -1) return false;
      for (var k = 0; k < SELECTS.length; k++) {
        var wanted = params.get(SELECTS[k]);
        if (!wanted) continue;
        var listed = LISTS[SELECTS[k]];
        if (listed ? item[listed].indexOf(wanted) === -1 : item[SELECTS[k]] !== wanted) return false;
      }
      for (var i = 0; i < FLAGS.length; i++) {
        if (params.get(FLAGS[i]) === "1" && !item[FLAGS[i]]) return false;
      }
      var words = plain(params.get("search") || "").split(" ");
      for (var j = 0; j < words.length; j++) {
        if (words[j] && !hasWord(text, words[j])) return false;
      }
      return true;
    }

    /* Words as generator/pages/search_terms.py writes them: lower case, accents and
       apostrophes dropped, anything else a space. */
    function plain(text) {
      return text.normalize("NFKD").replace(/[\u0300-\u036f']/g, "").toLowerCase()
        .replace(/[^a-z0-9]+/g, " ").trim();
    }

    /* A typed word matches the start of a word of the text, in its own form or without a
       plural or -ing/-ed ending: "bins" finds "bin", "collected" finds "collection". The
       text holds each word's stem too, and the service synonyms (cards.json "search"). */
    function hasWord(text, word) {
      var forms = [word];
      ENDINGS.forEach(function (pair) {
        var end = pair[0];
        if (word.length > end.length + 2 && word.slice(-end.length) === end) {
          forms.push(word.slice(0, -end.length) + pair[1]);
        }
      });
      return forms.some(function (form) { return text.indexOf(" " + form) !== -1; });
    }

    function fromCard(card) {
      var d = card.dataset;
      function words(value) { return (value || "").split(" ").filter(Boolean); }
      return {
        card: card, phase: d.phase, areas: words(d.areas), councils: words(d.councils),
        places: words(d.places), roles: words(d.roles), collaboration: d.collaboration,
        reusable: d.reusable === "1", partners: d.partners === "1", review: d.review === "1",
        title: d.title, count: Number(d.count), text: " " + plain(card.textContent)
      };
    }

    function textOf(project) {
      var roles = project.roles.map(function (r) { return data.labels.role[r] || r; });
      var own = [project.title, project.summary, project.lead, data.labels.phase[project.phase]];
      return " " + plain(own.concat(roles, [project.search || ""]).join(" "));
    }

    function sorted(items, sort) {
      var copy = items.slice();
      if (sort === "title") {
        copy.sort(function (a, b) { return a.title.toLowerCase().localeCompare(b.title.toLowerCase()); });
      } else if (sort === "councils") {
        copy.sort(function (a, b) { return b.count - a.count; });
      }
      /* Retired projects are listed apart: after every project still running. */
      return copy.filter(function (item) { return item.phase !== "retired"; })
        .concat(copy.filter(function (item) { return item.phase === "retired"; }));
    }

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function fact(facts, term, value) {
      var row = element("div");
      row.appendChild(element("dt", "", term));
      var dd = element("dd");
      if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
      row.appendChild(dd);
      facts.appendChild(row);
    }

    /* The same markup as a server-rendered card (generator/pages/templates/projects.html.j2). */
    function buildCard(project) {
      var card = element("li", "pl-card");
      card.dataset.id = project.id;
      card.dataset.phase = project.phase;
      card.dataset.areas = project.areas.join(" ");
      card.dataset.councils = project.councils.join(" ");
      card.dataset.places = project.places.join(" ");
      card.dataset.collaboration = project.collaboration;
      card.dataset.roles = project.roles.join(" ");
      card.dataset.reusable = project.reusable ? "1" : "0";
      card.dataset.partners = project.partners ? "1" : "0";
      card.dataset.review = project.review ? "1" : "0";
      card.dataset.count = String(project.count);
      card.dataset.title = project.title.toLowerCase();
      var heading = element("h2", "pl-card__title");
      var link = element("a", "", project.title);
      link.href = new URL(project.href, source).href;
      heading.appendChild(link);
      card.appendChild(heading);
      card.appendChild(element("p", "pl-card__summary", project.summary));
      var tags = element("p", "pl-card__tags");
      tags.appendChild(element("span", "pl-tag pl-tag--" + project.phase,
        data.labels.phase[project.phase] || project.phase));
      if (project.reusable) {
        tags.appendChild(document.createTextNode(" "));
        tags.appendChild(element("span", "pl-tag pl-tag--reusable", "Reusable"));
      }
      if (project.review) {
        tags.appendChild(document.createTextNode(" "));
        tags.appendChild(element("span", "pl-tag pl-tag--review", "Needs review"));
      }
      card.appendChild(tags);
      var facts = element("dl", "pl-card__facts");
      fact(facts, "Can people use it?", project.residents);
      fact(facts, "Lead council", project.lead);
      fact(facts, "Councils involved", String(project.count));
      if (project.role_names.length) fact(facts, "Roles wanted", project.role_names.join(", "));
      if (project.activity) {
        var time = element("time", "", project.activity_text);
        time.setAttribute("datetime", project.activity);
        fact(facts, project.activity_label, time);
      }
      card.appendChild(facts);
      return card;
    }

    function number(value) { return value.toLocaleString("en-GB"); }

    function announce(shown, matching) {
      var text = matching === total
        ? number(total) + (total === 1 ? " project" : " projects")
        : number(matching) + " of " + number(total) + " projects match";
      count.textContent = text + (shown < matching ? ", showing the first " + number(shown) : "");
      empty.hidden = matching !== 0;
      showButton(matching);
    }

    function showButton(matching) {
      show.textContent = matching === 0 ? "No projects match"
        : "Show " + number(matching) + (matching === 1 ? " project" : " projects");
    }

    function showPage() {
      list.replaceChildren.apply(list, original);
      original.forEach(function (card) { card.hidden = false; });
      count.textContent = originalCount;
      showButton(total);
      empty.hidden = true;
      more.hidden = true;
      if (pager) pager.hidden = false;
    }

    function applyHere(params) {
      var shown = 0;
      var items = sorted(original.map(fromCard), params.get("sort") || "updated");
      list.replaceChildren();
      items.forEach(function (item) {
        var ok = matches(item, item.text, params);
        item.card.hidden = !ok;
        if (ok) shown += 1;
        list.appendChild(item.card);
      });
      announce(shown, shown);
    }

    function applyAll(params) {
      var found = sorted(data.projects.filter(function (project) {
        return matches(project, project.text, params);
      }), params.get("sort") || "updated");
      var shown = found.slice(0, shownLimit);
      list.replaceChildren.apply(list, shown.map(buildCard));
      if (pager) pager.hidden = true;
      more.hidden = shown.length >= found.length;
      announce(shown.length, found.length);
    }

    function load() {
      if (!loading) {
        count.textContent = "Loading all " + number(total) + " projects…";
        loading = fetch(source.href, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          })
          .then(function (loaded) {
            data = loaded;
            data.projects.forEach(function (project) { project.text = textOf(project); });
            return data;
          });
      }
      return loading;
    }

    function apply(params) {
      /* Words are matched against cards.json's search text, which the cards do not show. */
      if (!paged && !(params.get("search") && source)) { applyHere(params); return; }
      if (!params.toString()) { showPage(); return; }
      load().then(function () {
        applyAll(readForm());
      }, function () {
        loading = null;
        count.textContent = "The filters could not load the list of projects. " +
          "Use the page links below, or try again.";
        if (pager) pager.hidden = false;
      });
    }

    function update(push) {
      var params = readForm();
      var query = params.toString();
      var target = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (push) window.history.pushState({ plFilters: query }, "", target);
      else window.history.replaceState({ plFilters: query }, "", target);
      shownLimit = STEP;
      apply(params);
    }

    show.addEventListener("click", function () {
      box.open = false;
      count.focus();
      count.scrollIntoView({ block: "start" });
    });
    moreButton.addEventListener("click", function () {
      var next = list.children.length;
      shownLimit += STEP;
      applyAll(readForm());
      /* Move focus to the first new card, so keyboard users carry on where they were. */
      var first = list.children[next];
      if (first) {
        var link = first.querySelector("a");
        if (link) link.focus();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(true);
    });
    /* Next to what was just changed, where the reader is looking (no overlay hides a control). */
    function showBeside(control) {
      var row = control.closest(".pl-filters__row, .pl-filters__group");
      if (row && row.nextElementSibling !== show) row.insertAdjacentElement("afterend", show);
    }
    form.addEventListener("change", function (event) {
      if (event.target.name !== "search") update(true);
      showBeside(event.target);
    });
    form.elements.search.addEventListener("input", function () {
      update(false);
      showBeside(form.elements.search);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { update(true); }, 0);
    });
    window.addEventListener("popstate", function () {
      var params = new URLSearchParams(window.location.search);
      writeForm(params);
      shownLimit = STEP;
      apply(params);
    });

    showButton(total);
    var initial = new URLSearchParams(window.location.search);
    writeForm(initial);
    if (!paged || readForm().toString()) apply(readForm());
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
