// Accord web UI: small progressive enhancements over server-rendered pages.
// All data from the server is inserted with textContent, never as HTML.
(function () {
  "use strict";

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function parseData(el, attr) {
    try { return JSON.parse(el.getAttribute(attr) || "null"); } catch (e) { return null; }
  }

  // ---- citations: click shows the source sentence ----
  function initCitations() {
    document.addEventListener("click", function (ev) {
      var btn = ev.target.closest ? ev.target.closest("button.cite") : null;
      var pops = document.querySelectorAll(".pop");
      if (!btn) {
        if (!ev.target.closest || !ev.target.closest(".pop")) {
          pops.forEach(function (p) { p.hidden = true; });
        }
        return;
      }
      var pop = document.getElementById(btn.getAttribute("data-pop"));
      var wasHidden = pop ? pop.hidden : true;
      pops.forEach(function (p) { p.hidden = true; });
      if (pop) { pop.hidden = !wasHidden; }
    });
  }

  // Dates like 2022, 2022-01, 2022-01-10, 2022-01-10T10:00 to epoch ms.
  function dateMs(s) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(s || "");
    if (!m) { return null; }
    return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0);
  }
  function fmtDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  // ---- timeline chart (Chart.js) ----
  function initTimeline() {
    var canvas = document.getElementById("timeline-chart");
    if (!canvas) { return; }
    var pts = parseData(canvas, "data-points") || [];
    var data = [];
    pts.forEach(function (p) {
      var x = dateMs(p.date);
      if (x !== null) { data.push({ x: x, y: p.docs, summary: p.summary, date: p.date, outlets: (p.outlets || []).join(", ") }); }
    });
    if (!data.length) { return; }
    // Ticks on whole UTC days: a step of k days, at most about 8 ticks.
    var xs = data.map(function (d) { return d.x; });
    var day = 86400000;
    var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs);
    var step = day * Math.max(1, Math.ceil((hi - lo) / day / 8));
    lo = Math.floor((lo - step / 2) / day) * day;
    hi = Math.ceil((hi + step / 2) / day) * day;
    loadScript("/static/vendor/chart.umd.min.js").then(function () {
      var chart = new window.Chart(canvas, {
        type: "scatter",
        data: { datasets: [{ label: "dated happenings", data: data, pointRadius: 6, pointHoverRadius: 8,
          backgroundColor: "rgba(31,95,191,0.65)", borderColor: "#1f5fbf" }] },
        options: {
          animation: false, maintainAspectRatio: false,
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: {
              title: function (items) { return items.length ? items[0].raw.date : ""; },
              label: function (item) { var s = item.raw.summary || ""; return s.length > 90 ? s.slice(0, 90) + "…" : s; },
              afterLabel: function (item) { return item.raw.outlets; }
            } }
          },
          scales: {
            x: { type: "linear", min: lo, max: hi, ticks: { stepSize: step, callback: function (v) { return fmtDay(v); } }, title: { display: true, text: "date" } },
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "documents" } }
          }
        }
      });
      canvas.setAttribute("data-ready", "1");
      window.__accordTimeline = chart;
    }).catch(function () { canvas.setAttribute("data-error", "chart library failed to load"); });
  }

  // ---- graph of sources (cytoscape.js) ----
  var edgeColors = { exact_duplicate: "#444", near_duplicate: "#777", spun_copy: "#8e44ad", cites: "#1f77b4", shares_quotes: "#e67e22" };
  function initGraph() {
    var box = document.getElementById("graph");
    if (!box) { return; }
    var els = parseData(box, "data-elements") || [];
    if (!els.length) { box.textContent = "No documents."; return; }
    loadScript("/static/vendor/cytoscape.min.js").then(function () {
      var cy = window.cytoscape({
        container: box, elements: els, wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: { "label": "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
            "background-color": "#1f5fbf", "width": 14, "height": 14, "color": "#222", "text-wrap": "ellipsis", "text-max-width": 90 } },
          { selector: "node[kind = 'outlet']", style: { "background-color": "#fff", "border-width": 2, "border-color": "#1f77b4", "shape": "round-rectangle" } },
          { selector: "edge", style: { "width": 2, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8,
            "line-color": "#999", "target-arrow-color": "#999" } }
        ].concat(Object.keys(edgeColors).map(function (k) {
          return { selector: "edge[kind = '" + k + "']", style: { "line-color": edgeColors[k], "target-arrow-color": edgeColors[k],
            "line-style": k === "cites" ? "dashed" : "solid" } };
        })),
        layout: { name: els.length > 400 ? "grid" : "cose", animate: false, nodeDimensionsIncludeLabels: true }
      });
      cy.on("tap", "node[kind = 'document']", function (ev) {
        window.location.href = "/documents/" + encodeURIComponent(ev.target.id());
      });
      box.setAttribute("data-ready", "1");
    }).catch(function () { box.setAttribute("data-error", "graph library failed to load"); });
  }

  // ---- upload with progress ----
  function initUpload() {
    var form = document.getElementById("upload-form");
    if (!form) { return; }
    var drop = document.getElementById("drop");
    var input = document.getElementById("files");
    var paste = document.getElementById("paste");
    var bar = document.getElementById("upload-progress");
    var status = document.getElementById("upload-status");
    var results = document.getElementById("upload-results");
    var dropped = [];

    function say(msg) { status.textContent = msg; }
    function listFiles() {
      var names = dropped.map(function (f) { return f.name; });
      for (var i = 0; i < input.files.length; i++) { names.push(input.files[i].name); }
      say(names.length ? names.length + " file(s) ready: " + names.join(", ") : "");
    }
    ["dragenter", "dragover"].forEach(function (t) {
      drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (ev) {
      var fl = ev.dataTransfer ? ev.dataTransfer.files : [];
      for (var i = 0; i < fl.length; i++) { dropped.push(fl[i]); }
      listFiles();
    });
    input.addEventListener("change", listFiles);

    var poll = null;
    function pollStatus() {
      fetch("/api/status", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (st) {
        if (st.busy) { say("Server: " + st.phase + "…"); }
      }).catch(function () {});
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var fd = new FormData();
      dropped.forEach(function (f) { fd.append("files", f, f.name); });
      for (var i = 0; i < input.files.length; i++) { fd.append("files", input.files[i], input.files[i].name); }
      if (paste.value.trim()) { fd.append("text", paste.value); }
      if (!dropped.length && !input.files.length && !paste.value.trim()) { say("Choose files or paste text first."); return; }
      results.textContent = "";
      bar.hidden = false; bar.value = 0;
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/ingest");
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); say("Uploading: " + bar.value + "%"); }
      });
      xhr.upload.addEventListener("load", function () {
        bar.value = 100; say("Uploaded; the server is reading and analyzing…");
        poll = setInterval(pollStatus, 500);
      });
      xhr.addEventListener("load", function () {
        if (poll) { clearInterval(poll); poll = null; }
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (!body) { say("The server answered " + xhr.status + "."); return; }
        if (body.error) { say("Error: " + body.error); return; }
        say("Done: read " + body.read + " document(s), " + body.added + " new; the store holds " + body.documents +
          (body.analyzed ? "; the report was updated." : "."));
        (body.files || []).forEach(function (f) {
          var li = document.createElement("li");
          li.textContent = f.name + ": " + f.read + " read, " + f.added + " new" + (f.ids && f.ids.length ? " (" + f.ids.join(", ") + ")" : "");
          (f.errors || []).forEach(function (er) {
            var e = document.createElement("div");
            e.className = "bad";
            e.textContent = er;
            li.appendChild(e);
          });
          if (f.errors && f.errors.length) { li.className = "bad"; }
          results.appendChild(li);
        });
        var done = document.createElement("li");
        var a = document.createElement("a");
        a.href = "/";
        a.textContent = "See the stories";
        done.appendChild(a);
        results.appendChild(done);
        dropped = []; form.reset();
        document.body.setAttribute("data-upload-done", "1");
      });
      xhr.addEventListener("error", function () { if (poll) { clearInterval(poll); } say("The upload failed (network error)."); });
      xhr.send(fd);
    });
  }

  function init() {
    initCitations();
    initTimeline();
    initGraph();
    initUpload();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
