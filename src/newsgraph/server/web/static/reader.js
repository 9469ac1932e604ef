// The article reader: a click (or Enter) on a highlighted quote shows its card: speaker, cue, mention.
(function () {
  "use strict";
  var hint = document.getElementById("quote-hint");
  var panel = document.getElementById("quote-panel");
  var shown = null;

  // on a narrow screen the panel is a bottom sheet (style.css): open while a card is shown
  function close() {
    if (shown) shown.hidden = true;
    shown = null;
    if (panel) panel.classList.remove("open");
    document.querySelectorAll(".active-quote").forEach(function (el) {
      el.classList.remove("active-quote");
    });
  }

  function show(id) {
    var card = document.getElementById("quote-" + id);
    if (!card || !card.hasAttribute("data-card")) return;
    if (shown) shown.hidden = true;
    document.querySelectorAll(".active-quote").forEach(function (el) {
      el.classList.remove("active-quote");
    });
    card.hidden = false;
    shown = card;
    if (panel) panel.classList.add("open");
    if (hint) hint.hidden = true;
    segments(id).forEach(function (el) { el.classList.add("active-quote"); });
  }

  function segments(id) {
    return document.querySelectorAll('.article-text [data-quote="' + CSS.escape(id) + '"]');
  }

  function reveal(id) {
    var first = segments(id)[0];
    if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("#sheet-close")) {
      close();
      return;
    }
    var target = event.target.closest("[data-quote]");
    if (!target) return;
    show(target.getAttribute("data-quote"));
    if (target.classList.contains("quote-link")) reveal(target.getAttribute("data-quote"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      close();
      return;
    }
    if (event.key !== "Enter" && event.key !== " ") return;
    var target = event.target.closest && event.target.closest(".article-text [data-quote]");
    if (!target) return;
    event.preventDefault();
    show(target.getAttribute("data-quote"));
  });
  // an event or a figure (#v3, #f2): its line in the side panel, highlighted
  function mark(id) {
    var record = document.getElementById(id);
    if (!record || !record.classList.contains("record")) return false;
    document.querySelectorAll(".active-record").forEach(function (el) {
      el.classList.remove("active-record");
    });
    record.classList.add("active-record");
    record.scrollIntoView({ behavior: "smooth", block: "center" });
    return true;
  }

  // a link from a list: /articles/ID#q3 opens on that quote, #v3 on that event; a second link
  // into the open article (only the hash changes) does the same
  function follow() {
    if (location.hash.length < 2) return;
    var id = decodeURIComponent(location.hash.slice(1));
    if (mark(id)) return;
    show(id);
    reveal(id);
  }
  window.addEventListener("hashchange", follow);
  follow();
})();
