// Tells the server the browser's time zone (cookie "tz") so dates show in local time
// from the next page on; Asia/Shanghai until then.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  var current = document.cookie.split("; ").find(function (part) {
    return part.indexOf("tz=") === 0;
  });
  if (current !== "tz=" + encodeURIComponent(zone)) {
    document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
  }
})();
