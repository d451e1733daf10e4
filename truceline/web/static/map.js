// The map: Natural Earth country outlines shipped with the package (no tile server), a marker per place of the
// events the page shows. Reads its sources from data- attributes of #map; builds popups as DOM nodes with
// textContent, never as HTML strings, so no text from a report is ever parsed as markup.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  el.classList.add("map-live");
  var map = L.map(el, { worldCopyJump: true, attributionControl: true }).setView([30, 30], 3);
  map.attributionControl.setPrefix("");
  map.attributionControl.addAttribution("Leaflet · outlines: Natural Earth");
  var tiles = el.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);
  }
  fetch(el.getAttribute("data-basemap"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (geo) {
      var layer = L.geoJSON(geo, {
        interactive: false,
        style: { color: "#8a8f98", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: tiles ? 0 : 1 }
      }).addTo(map);
      layer.bringToBack();
    })
    .catch(function () { el.setAttribute("data-basemap-error", "1"); });

  function popup(place) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = place.name + (place.country ? " (" + place.country + ")" : "");
    box.appendChild(title);
    box.appendChild(document.createElement("br"));
    var link = document.createElement("a");
    var params = new URLSearchParams(window.location.search);
    params.set("place", place.name);
    params.delete("offset");
    params.delete("page");
    link.href = "/events?" + params.toString();
    link.textContent = place.events + " event(s)";
    box.appendChild(link);
    return box;
  }

  fetch(el.getAttribute("data-places"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (body) {
      var places = (body && body.ok && body.places) || [];
      var markers = [];
      places.forEach(function (p) {
        if (typeof p.lat !== "number" || typeof p.lon !== "number") { return; }
        var m = L.marker([p.lat, p.lon], { title: String(p.name) + ": " + p.events + " event(s)" });
        m.bindPopup(popup(p));
        m.addTo(map);
        markers.push(m);
      });
      el.setAttribute("data-markers", String(markers.length));
      if (markers.length) {
        map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 8 });
      }
    })
    .catch(function () { el.setAttribute("data-markers", "error"); });
})();
