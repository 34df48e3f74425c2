// The high-contrast switch. It runs in <head> so a stored choice applies
// before the first paint; without script the page keeps its normal colours
// (and the system's prefers-contrast), and the button stays hidden.
(function () {
  var root = document.documentElement;
  var key = "openleaf-contrast";
  function stored() {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* storage off: the switch still works for this visit */ }
  }
  function apply(on) {
    if (on) { root.setAttribute("data-contrast", "high"); } else { root.removeAttribute("data-contrast"); }
  }
  apply(stored() === "high");
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("contrast-switch");
    if (!button) { return; }
    button.setAttribute("aria-pressed", root.hasAttribute("data-contrast") ? "true" : "false");
    button.hidden = false;
    button.addEventListener("click", function () {
      var on = !root.hasAttribute("data-contrast");
      apply(on);
      store(on ? "high" : "normal");
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  });
})();
