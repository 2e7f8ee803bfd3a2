// Keyboard triage and the copy button. No inline scripts anywhere: the CSP forbids them.
(function () {
  "use strict";
  var OUTCOME_KEYS = { g: "genuine", c: "existing_customer", l: "lost" };

  // the junk types in key order (1, 2, ...), as the page renders them from schema.JUNK_TYPES
  function junkTypes() {
    return (document.body.getAttribute("data-junk-types") || "").split(" ").filter(Boolean);
  }
  function csrf() {
    return document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.row")); }
  function selected() { return document.querySelector("tr.row.selected"); }
  function select(row) {
    var old = selected();
    if (old) { old.classList.remove("selected"); }
    if (row) { row.classList.add("selected"); row.scrollIntoView({ block: "nearest" }); }
  }
  function move(step) {
    var all = rows(), current = all.indexOf(selected());
    var next = Math.min(all.length - 1, Math.max(0, current + step));
    if (all.length) { select(all[current < 0 ? 0 : next]); }
  }
  function markRow(row, values, path) {
    values.id = row.getAttribute("data-id");
    values.view = "row";
    htmx.ajax("POST", path, {
      target: row.querySelector(".badge-cell"), swap: "innerHTML", values: values,
      headers: { "X-CSRF-Token": csrf() }
    });
  }
  function inboxKey(key) {
    var row = selected();
    if (key === "j") { move(1); return true; }
    if (key === "k") { move(-1); return true; }
    if (!row) { return false; }
    if (key === "o" || key === "Enter") { window.location.href = row.getAttribute("data-href"); return true; }
    if (OUTCOME_KEYS[key]) { markRow(row, { outcome: OUTCOME_KEYS[key] }, "/mark"); return true; }
    var junk = junkTypes();
    if (/^[1-9]$/.test(key) && Number(key) <= junk.length) {
      markRow(row, { outcome: "junk", junk_type: junk[Number(key) - 1] }, "/mark");
      return true;
    }
    if (key === "u") { markRow(row, {}, "/undo"); return true; }
    return false;
  }
  function clickKey(key) {
    var target = document.querySelector('[data-key="' + key + '"]');
    if (!target || target.disabled) { return false; }
    target.click();
    return true;
  }
  function inquiryKey(key) {
    if (key === "j" || key === "k") {
      var link = document.getElementById(key === "j" ? "next" : "prev");
      if (link) { window.location.href = link.getAttribute("href"); }
      return true;
    }
    if (key === "w") { var value = document.querySelector('input[name="order_value"]'); value.focus(); return true; }
    return clickKey(key);
  }

  document.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var view = document.body.getAttribute("data-view"), done = false;
    if (event.key === "/") {
      var search = document.getElementById("search");
      if (search) { search.focus(); done = true; }
    } else if (view === "inbox") {
      done = inboxKey(event.key);
    } else if (view === "inquiry") {
      done = inquiryKey(event.key);
    }
    if (done) { event.preventDefault(); }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (button) {
      var source = document.querySelector(button.getAttribute("data-copy"));
      var note = document.getElementById("copied");
      var shown = function (text) { if (note) { note.textContent = text; } };
      var fallback = function () {
        source.select();
        shown(document.execCommand("copy") ? "Copied." : "Select the text and copy it.");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(function () { shown("Copied."); }, fallback);
      } else {
        fallback();
      }
      return;
    }
    var row = event.target.closest("tr.row");
    if (row && !event.target.closest("a")) { select(row); }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id === "results") { select(rows()[0]); }
  });
  document.addEventListener("DOMContentLoaded", function () { select(rows()[0]); });
}());
