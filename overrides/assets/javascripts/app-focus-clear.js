/* Keep the focused element clear of the sticky header (WCAG 2.2, 2.4.11).
   CSS scroll-padding covers most moves, but a browser does not scroll at all
   when the element is already partly on screen, so it can sit under the
   header. Then we scroll it down into the clear. */
(function () {
  "use strict";
  var header = document.querySelector(".md-header");
  if (!header) return;
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || header.contains(target)) return;
    // The skip link sits above the header, and the sidebars scroll on their own below it.
    if (target.closest(".md-skip, .md-sidebar")) return;
    function clear() {
      if (document.activeElement !== target) return;
      var clearance = header.getBoundingClientRect().bottom + 16;
      var top = target.getBoundingClientRect().top;
      if (top < clearance) {
        window.scrollBy(0, top - clearance);
      }
    }
    // The browser scrolls the element into view after this event, and on a
    // busy machine the page may still be settling: check after a frame and
    // again a moment later.
    window.requestAnimationFrame(clear);
    window.setTimeout(clear, 60);
  });
})();
