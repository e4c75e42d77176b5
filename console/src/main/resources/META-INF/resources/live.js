// The live view of an SSE subscription: one list item per notification, newest first.
(function () {
  var script = document.currentScript;
  var list = document.getElementById("live");
  var status = document.getElementById("live-status");
  var source = new EventSource(script.getAttribute("data-stream"));
  source.onopen = function () { status.textContent = "Connected: notifications appear here as they come."; };
  source.onerror = function () { status.textContent = "Disconnected; reconnecting…"; };
  source.onmessage = function (event) {
    var item = document.createElement("li");
    try {
      var notification = JSON.parse(event.data);
      var initiative = notification.initiative || {};
      item.textContent = (notification.type || "notification") + ": " + (initiative.title || event.data);
    } catch (e) {
      item.textContent = event.data;
    }
    list.insertBefore(item, list.firstChild);
  };
})();
