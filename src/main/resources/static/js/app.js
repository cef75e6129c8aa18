// SpoofDesk page behaviour. Loaded as a file because the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  // Forms that do something destructive carry data-confirm="question"; ask before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // A contact list that belongs to a partner list (data-contacts-of="<its id>") offers
  // only the chosen partner's contacts; with no partner chosen, every contact.
  function showContactsOfChosenPartner() {
    document.querySelectorAll("select[data-contacts-of]").forEach(function (contacts) {
      var partner = document.getElementById(contacts.getAttribute("data-contacts-of"));
      if (!partner) {
        return;
      }
      contacts.querySelectorAll("optgroup[data-partner]").forEach(function (group) {
        var shown = partner.value === "" || group.getAttribute("data-partner") === partner.value;
        group.hidden = !shown;
        group.disabled = !shown;
      });
      var selected = contacts.options[contacts.selectedIndex];
      if (selected && selected.parentElement && selected.parentElement.disabled) {
        contacts.value = "";
      }
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id && document.querySelector("select[data-contacts-of='" + event.target.id + "']")) {
      showContactsOfChosenPartner();
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showContactsOfChosenPartner);
  } else {
    showContactsOfChosenPartner();
  }
})();
