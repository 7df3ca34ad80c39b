// Live character count for textareas with data-min-chars / data-max-chars.
// The count goes to the element whose id is in the textarea's data-counter.
(function () {
  "use strict";
  document.querySelectorAll("textarea[data-max-chars]").forEach(function (area) {
    var counter = document.getElementById(area.dataset.counter);
    if (!counter) {
      return;
    }
    var min = parseInt(area.dataset.minChars || "0", 10);
    var max = parseInt(area.dataset.maxChars, 10);
    var template = counter.dataset.template || "{count} / {max}";
    function update() {
      var count = area.value.trim().length;
      counter.textContent = template
        .replace("{count}", count)
        .replace("{min}", min)
        .replace("{max}", max);
      var outside = count < min || count > max;
      counter.classList.toggle("text-danger", outside);
      counter.classList.toggle("text-success", !outside);
    }
    area.addEventListener("input", update);
    update();
  });
})();
