/* Photo pages: the left and right arrow keys follow the "previous photo" and
   "next photo" links, which say so to assistive technology (aria-keyshortcuts).
   Only an addition: the links work without it. Loaded as a file with "defer" (no
   inline script), so a strict Content Security Policy allows it. */
(function () {
  var keys = { ArrowLeft: "prev", ArrowRight: "next" };

  function linkTo(rel) {
    return document.querySelector('.photo-nav a[rel="' + rel + '"]');
  }

  Object.keys(keys).forEach(function (key) {
    var link = linkTo(keys[key]);
    if (link) {
      link.setAttribute("aria-keyshortcuts", key);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    var link = keys[event.key] && linkTo(keys[event.key]);
    if (link) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  });
})();
