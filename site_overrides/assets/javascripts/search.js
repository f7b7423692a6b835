/*
 * The search page (/search/): Pagefind's index, loaded only here and only once someone
 * searches, so no other page view downloads any of it.
 *
 * The form works as a plain GET form (?q=...&kind=...); this script runs the search for what
 * it holds, as the reader types and on submit, and keeps the address in step so a search can
 * be shared. Words that name a kind, a phase or a council ("beta waste projects in Hackney")
 * become filters, each shown under the form with a button that removes it. Results come
 * grouped by kind, records (projects, councils, maker days) before guides. On a phone the
 * filters start folded away. Results and the count are built with textContent only (the excerpt's
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
  var filterBox = root.querySelector(".pl-search-filterbox");
  var active = root.querySelector(".pl-search-active");
  /* The list of filters in force is made here: without this script there are none. */
  var activeList = document.createElement("ul");
  activeList.setAttribute("aria-labelledby", "pl-search-active-title");
  active.appendChild(activeList);
  var ignored = {};  /* "council:hackney": a word the reader asked not to read as a filter */
  form.hidden = false;
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
        if (ignored[name + ":" + key]) continue;
        if (!form.elements[name].value && !picked[name] && known[name][key]) {
          picked[name] = known[name][key];
          picked[name + ":word"] = key;
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
    var heading = document.createElement("h3");
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

  /* The kinds in the order results are grouped: as the Show drop-down lists them. */
  function kindNames() {
    return Array.prototype.filter.call(form.elements.kind.options, function (o) { return o.value; })
      .map(function (o) { return { value: o.value, plural: o.getAttribute("data-plural") || o.text }; });
  }

  /* The list of a kind's group, made (with its heading) when its first result is shown. */
  function groupList(kind) {
    var id = "pl-search-group-" + kind.value.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    var found = document.getElementById(id);
    if (found) return found;
    var heading = document.createElement("h2");
    heading.className = "pl-search-group";
    var count = current.counts[kind.value];
    heading.textContent = kind.plural.charAt(0).toUpperCase() + kind.plural.slice(1) +
      " (" + count.toLocaleString("en-GB") + ")";
    var ol = document.createElement("ol");
    ol.id = id;
    list.appendChild(heading);
    list.appendChild(ol);
    return ol;
  }

  function showMore() {
    if (!current) return Promise.resolve();
    var next = current.results.slice(shown, shown + PAGE);
    var mine = run;
    return Promise.all(next.map(function (r) { return r.result.data(); })).then(function (all) {
      if (mine !== run) return;
      all.forEach(function (data, i) { groupList(next[i].kind).appendChild(item(data)); });
      shown += all.length;
      more.hidden = shown >= current.results.length;
    });
  }

  /* One search per kind (the index is loaded once), so each kind's results stay together and
     records come before guides, however the words rank them. */
  function grouped(module, query) {
    var kinds = kindNames().filter(function (kind) {
      return !query.filters.kind || query.filters.kind === kind.value;
    });
    return Promise.all(kinds.map(function (kind) {
      var filters = Object.assign({}, query.filters, { kind: kind.value });
      return module.search(query.words || null, { filters: filters });
    })).then(function (searches) {
      var results = [];
      var counts = {};
      searches.forEach(function (found, i) {
        counts[kinds[i].value] = found.results.length;
        found.results.forEach(function (r) { results.push({ result: r, kind: kinds[i] }); });
      });
      return { results: results, counts: counts };
    });
  }

  /* Every filter in force, from the drop-downs or read from the words, each removable. */
  function showActive(query) {
    var ul = activeList;
    ul.replaceChildren();
    var labels = { kind: "Show", phase: "Phase", area: "Service area", council: "Council" };
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      var value = select.value || query.picked[name];
      if (!value) return;
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === value; });
      var text = labels[name] + ": " + (option ? option.text : value);
      var li = document.createElement("li");
      li.appendChild(document.createTextNode(text + " "));
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "pl-search-remove";
      remove.textContent = "Remove";
      var hidden = document.createElement("span");
      hidden.className = "pl-visually-hidden";
      hidden.textContent = " filter " + text;
      remove.appendChild(hidden);
      remove.addEventListener("click", function () {
        if (select.value) select.value = "";
        else ignored[name + ":" + query.picked[name + ":word"]] = true;
        search();
        input.focus();
      });
      li.appendChild(remove);
      ul.appendChild(li);
    });
    active.hidden = !ul.children.length;
    var set = FILTERS.filter(function (name) { return form.elements[name].value; }).length;
    filterBox.querySelector("summary").textContent = set ? "Filters (" + set + " chosen)"
      : "Filters: kind, phase, service area, council";
  }

  function describe(count, query) {
    var what = query.words ? " for \u201c" + query.words + "\u201d" : "";
    var filters = Object.keys(query.filters).map(function (k) { return query.filters[k]; });
    var within = filters.length ? " (" + filters.join(", ") + ")" : "";
    if (!count) return "No results" + what + within + ".";
    return (count === 1 ? "1 result" : count.toLocaleString("en-GB") + " results") +
      what + within + ".";
  }

  function search() {
    var query = wanted();
    var mine = ++run;
    keepAddress();
    list.replaceChildren();
    more.hidden = true;
    help.hidden = true;
    showActive(query);
    if (!query.words && !Object.keys(query.filters).length) {
      current = null;
      status.textContent = "";
      return;
    }
    status.textContent = "Searching\u2026";
    pagefind()
      .then(function (module) {
        return grouped(module, query);
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
  /* On a phone the filters fold away, so the first results are in sight above the keyboard. */
  var chosen = FILTERS.some(function (name) { return form.elements[name].value; });
  if (window.matchMedia("(max-width: 59.9375em)").matches && !chosen) filterBox.open = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  form.addEventListener("change", function () { search(); });
  input.addEventListener("input", function () {
    ignored = {};
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
