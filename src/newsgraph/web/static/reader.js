// The article reader: a click (or Enter) on a highlighted quote shows its card: speaker, cue, mention.
(function () {
  "use strict";
  var hint = document.getElementById("quote-hint");
  var shown = null;

  function show(id) {
    var card = document.getElementById("quote-" + id);
    if (!card) return;
    if (shown) shown.hidden = true;
    document.querySelectorAll(".active-quote").forEach(function (el) {
      el.classList.remove("active-quote");
    });
    card.hidden = false;
    shown = card;
    if (hint) hint.hidden = true;
    document.querySelectorAll('.article-text [data-quote="' + id + '"]').forEach(function (el) {
      el.classList.add("active-quote");
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-quote]");
    if (!target) return;
    show(target.getAttribute("data-quote"));
    if (target.classList.contains("quote-link")) {
      var first = document.querySelector('.article-text [data-quote="' + target.getAttribute("data-quote") + '"]');
      if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var target = event.target.closest && event.target.closest(".article-text [data-quote]");
    if (!target) return;
    event.preventDefault();
    show(target.getAttribute("data-quote"));
  });
  if (location.hash.length > 1) show(location.hash.slice(1));
})();
