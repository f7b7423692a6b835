// Material for MkDocs' storage helpers (partials/javascripts/base.html of Material 9.x), loaded
// from a file so that the Content-Security-Policy needs no inline script. The scope (the site's
// root for this page) comes from the script tag's data-md-scope attribute.
(function () {
  var scope = document.currentScript.getAttribute("data-md-scope");
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (text) {
    return [...text].reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || __md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || __md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage full or disabled: the theme works without remembering.
    }
  };
})();
