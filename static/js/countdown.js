// Live countdown to an application deadline: <p data-countdown-to="ISO date"
// data-format="{days} d {hours} h {minutes} min {seconds} s left" data-ended="...">.
(function () {
  "use strict";
  var elements = document.querySelectorAll("[data-countdown-to]");
  if (!elements.length) {
    return;
  }

  function pad(number) {
    return number < 10 ? "0" + number : String(number);
  }

  function render(element) {
    var left = Date.parse(element.dataset.countdownTo) - Date.now();
    if (isNaN(left)) {
      return;
    }
    if (left <= 0) {
      element.textContent = element.dataset.ended;
      return;
    }
    var seconds = Math.floor(left / 1000);
    element.textContent = element.dataset.format
      .replace("{days}", String(Math.floor(seconds / 86400)))
      .replace("{hours}", pad(Math.floor((seconds % 86400) / 3600)))
      .replace("{minutes}", pad(Math.floor((seconds % 3600) / 60)))
      .replace("{seconds}", pad(seconds % 60));
  }

  function tick() {
    elements.forEach(render);
  }

  tick();
  window.setInterval(tick, 1000);
})();
