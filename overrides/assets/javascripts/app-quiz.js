/* "Check your understanding": nothing happens when an answer is chosen; the
   learner selects "Check my answer", and the feedback (right or not, and why)
   is written into a live region that screen readers announce. They can
   change their answer and check again as often as they like. */
(function () {
  "use strict";

  function feedbackFor(options) {
    var chosen = options.filter(function (option) { return option.checked; });
    var right = options.filter(function (option) { return option.hasAttribute("data-right"); });
    var chosenRight = chosen.filter(function (option) { return option.hasAttribute("data-right"); });
    if (!chosen.length) return { text: "Choose an answer first, then select \u201cCheck my answer\u201d." };
    if (chosenRight.length === right.length && chosen.length === right.length) return { text: "Right.", right: true };
    if (right.length > 1) {
      var text = "Not quite. You found " + chosenRight.length + " of the " + right.length + " right answers";
      if (chosen.length > chosenRight.length) text += ", and chose one or more that are not right";
      return { text: text + "." };
    }
    return { text: "Not quite. That is not the right answer." };
  }

  function setUp(part) {
    var form = part.querySelector(".js-quiz-form");
    var button = part.querySelector(".js-quiz-check");
    var feedback = part.querySelector(".js-quiz-feedback");
    var why = part.querySelector(".js-quiz-why");
    var options = Array.prototype.slice.call(part.querySelectorAll(".js-quiz-option"));

    // The check button submits the form, so Enter in the form checks too; the page never reloads.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = feedbackFor(options);
      var answered = options.some(function (option) { return option.checked; });
      var reason = answered ? " " + why.textContent.trim() : "";
      feedback.className = "app-quiz__feedback js-quiz-feedback" +
        (answered ? (result.right ? " app-quiz__feedback--right" : " app-quiz__feedback--wrong") : "");
      // Empty the region first, so the same words are announced again on a second check.
      feedback.textContent = "";
      setTimeout(function () { feedback.textContent = result.text + reason; }, 100);
    });
    button.hidden = false;
  }

  /* Start each part on its own: one part's error is reported but never stops the others. */
  function startEach(name, setUp) {
    document.querySelectorAll('[data-module="' + name + '"]').forEach(function (part) {
      try {
        setUp(part);
      } catch (error) {
        window.setTimeout(function () { throw error; });
      }
    });
  }

  startEach("app-quiz", setUp);
})();
