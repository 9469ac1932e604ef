// Who met whom: draws /api/graph with cytoscape (vendored in static/vendor, no CDN).
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") return;

  function draw(graph) {
    if (!graph.nodes.length) return;
    var maxNode = Math.max.apply(null, graph.nodes.map(function (n) { return n.events; }));
    var elements = graph.nodes.map(function (n) {
      return { data: { id: n.id, label: n.name, weight: n.events } };
    }).concat(graph.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, weight: e.events,
                       dates: e.dates, modes: e.modes } };
    }));
    var cy = cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "background-color": "#2f5d8a", "label": "data(label)", "color": "#1d2430",
          "font-size": 13, "font-family": "system-ui, sans-serif", "text-valign": "bottom",
          "text-margin-y": 4, "text-outline-color": "#fff", "text-outline-width": 2,
          "text-wrap": "wrap", "text-max-width": 110, "min-zoomed-font-size": 6,
          "width": "mapData(weight, 1, " + Math.max(maxNode, 2) + ", 14, 44)",
          "height": "mapData(weight, 1, " + Math.max(maxNode, 2) + ", 14, 44)" } },
        { selector: "edge", style: {
          "line-color": "#b9c4d0", "curve-style": "bezier", "opacity": 0.85,
          "width": "mapData(weight, 1, 10, 1.5, 9)" } },
        { selector: "node:selected, node.hover", style: { "background-color": "#c4572e" } },
        { selector: "edge.hover", style: { "line-color": "#c4572e" } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 40000,
                idealEdgeLength: 120, nodeOverlap: 40, componentSpacing: 120, padding: 40 }
    });
    var info = document.getElementById("edge-info");
    cy.on("tap", "node", function (evt) {
      location.href = "/speakers/" + encodeURIComponent(evt.target.id());
    });
    cy.on("mouseover", "node, edge", function (evt) { evt.target.addClass("hover"); });
    cy.on("mouseout", "node, edge", function (evt) { evt.target.removeClass("hover"); });
    cy.on("tap", "edge", function (evt) {
      var d = evt.target.data();
      // textContent, never innerHTML: names come from article text
      document.getElementById("edge-title").textContent = d.source + " · " + d.target;
      document.getElementById("edge-detail").textContent = d.weight + " event(s)" +
        (d.modes.length ? " (" + d.modes.join(", ") + ")" : "") +
        (d.dates.length ? " on " + d.dates.join(", ") : "");
      info.hidden = false;
    });
    box.setAttribute("data-ready", String(graph.nodes.length));
  }

  fetch(box.getAttribute("data-source"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(draw);
})();
