/*
 * The search page (/search/): Pagefind's index, loaded only here and only once someone
 * searches, so no other page view downloads any of it.
 *
 * The form works as a plain GET form (?q=...&kind=...); this script runs the search for what
 * it holds, as the reader types and on submit, and keeps the address in step so a search can
 * be shared. Words that name a kind, a phase or a council ("beta waste projects in Hackney")
 * become filters. Results and the count are built with textContent only (the excerpt's
 * <mark>s are rebuilt as elements), so the Content-Security-Policy needs nothing but
 * 'wasm-unsafe-eval' for Pagefind's WebAssembly.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-pl-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = form.elements.q;
  var status = root.querySelector(".pl-search-status");
  var list = root.querySelector(".pl-search-results");
  var help = root.querySelector(".pl-search-help");
  /* Made here, and the suggestions hidden here until a search finds nothing: without this
     script the page hides nothing. */
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button pl-search-more";
  more.textContent = "Show more results";
  more.hidden = true;
  list.insertAdjacentElement("afterend", more);
  help.hidden = true;
  var FILTERS = ["kind", "phase", "area", "council"];
  var PAGE = 10;
  var FILLERS = ["in", "at", "for", "of", "the", "by", "with", "and"];
  var bundle = new URL(root.getAttribute("data-pl-search"), window.location.href).href;
  var engine = null;
  var current = null;
  var shown = 0;
  var run = 0;
  var timer = null;

  function pagefind() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (module) {
        return module.options({ excerptLength: 24 }).then(function () { return module; });
      });
    }
    return engine;
  }

  /* Option values by lower-cased label and value, for reading filters out of the words. */
  function choices(name) {
    var found = {};
    Array.prototype.forEach.call(form.elements[name].options, function (option) {
      if (!option.value) return;
      found[option.value.toLowerCase()] = option.value;
      found[option.text.toLowerCase()] = option.value;
      var plural = option.getAttribute("data-plural");
      if (plural) found[plural.toLowerCase()] = option.value;
    });
    return found;
  }

  /* "beta waste projects in Hackney" -> words "waste", filters phase Beta, kind Project, council. */
  function understand(text) {
    var words = text.trim().split(/\s+/).filter(Boolean);
    var picked = {};
    var known = { kind: choices("kind"), phase: choices("phase"), council: choices("council") };
    var rest = words.filter(function (word) {
      var key = word.toLowerCase();
      for (var name in known) {
        if (!form.elements[name].value && !picked[name] && known[name][key]) {
          picked[name] = known[name][key];
          return false;
        }
      }
      return true;
    });
    if (Object.keys(picked).length) {
      rest = rest.filter(function (word) { return FILLERS.indexOf(word.toLowerCase()) === -1; });
    }
    return { words: rest.join(" "), picked: picked };
  }

  function wanted() {
    var query = understand(input.value);
    var filters = {};
    FILTERS.forEach(function (name) {
      var value = form.elements[name].value || query.picked[name];
      if (value) filters[name === "area" ? "service area" : name] = value;
    });
    return { words: query.words, filters: filters, picked: query.picked };
  }

  function keepAddress() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    FILTERS.forEach(function (name) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  /* Pagefind's excerpt is the record's text as written, with <mark> around the words found:
     only the marks become elements, everything else stays text ("<script>" included). */
  function excerpt(marked) {
    var paragraph = document.createElement("p");
    marked.split("<mark>").forEach(function (part, index) {
      var pieces = index === 0 ? ["", part] : part.split("</mark>");
      if (index > 0) {
        var mark = document.createElement("mark");
        mark.textContent = pieces[0];
        paragraph.appendChild(mark);
      }
      paragraph.appendChild(document.createTextNode(pieces.slice(1).join("</mark>")));
    });
    return paragraph;
  }

  function item(data) {
    var li = document.createElement("li");
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    li.appendChild(heading);
    if (data.meta && data.meta.kind) {
      var kind = document.createElement("p");
      kind.className = "pl-search-kind";
      kind.textContent = data.meta.kind;
      li.appendChild(kind);
    }
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  function showMore() {
    if (!current) return Promise.resolve();
    var next = current.results.slice(shown, shown + PAGE);
    var mine = run;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (all) {
      if (mine !== run) return;
      all.forEach(function (data) { list.appendChild(item(data)); });
      shown += all.length;
      more.hidden = shown >= current.results.length;
    });
  }

  function describe(count, query) {
    var what = query.words ? "\u201c" + query.words + "\u201d" : "everything";
    var filters = Object.keys(query.filters).map(function (k) { return query.filters[k]; });
    var within = filters.length ? " (" + filters.join(", ") + ")" : "";
    if (!count) return "No results for " + what + within + ".";
    return (count === 1 ? "1 result" : count.toLocaleString("en-GB") + " results") +
      " for " + what + within + ".";
  }

  function search() {
    var query = wanted();
    var mine = ++run;
    keepAddress();
    list.replaceChildren();
    more.hidden = true;
    help.hidden = true;
    if (!query.words && !Object.keys(query.filters).length) {
      current = null;
      status.textContent = "";
      return;
    }
    status.textContent = "Searching\u2026";
    pagefind()
      .then(function (module) {
        return module.search(query.words || null, { filters: query.filters });
      })
      .then(function (found) {
        if (mine !== run) return;
        current = found;
        shown = 0;
        /* The count is announced once the first results are on the page to move on to. */
        return showMore().then(function () {
          if (mine !== run) return;
          status.textContent = describe(found.results.length, query);
          help.hidden = found.results.length > 0;
        });
      })
      .catch(function () {
        if (mine !== run) return;
        status.textContent = "Search could not load. Browse the lists instead: " +
          "projects, reusable services, councils and maker days are linked at the top of every page.";
      });
  }

  var initial = new URLSearchParams(window.location.search);
  input.value = initial.get("q") || "";
  FILTERS.forEach(function (name) {
    form.elements[name].value = initial.get(name) || "";
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  form.addEventListener("change", function () { search(); });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 300);
  });
  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  root.classList.add("pl-search--ready");
  if (input.value || initial.toString()) search();
})();
