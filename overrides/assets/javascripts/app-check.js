/* "Check what you have learnt": the questions are ordinary "Check my answer"
   questions (app-quiz.js). This part adds "See my score": it marks every
   question (the marking is AppLearnerData.scoreCheck), says the score in a
   live region, and keeps the best result on this device, where the
   certificate on "Your progress" looks for a pass. */
(function () {
  "use strict";
  var S = window.AppStorage;
  var D = window.AppLearnerData;
  if (!S || !D) return;

  function numbers(options, test) {
    return options.filter(test).map(function (option) { return Number(option.value); });
  }

  /* Each question's chosen and right options, by their numbers. */
  function answers() {
    return Array.prototype.map.call(document.querySelectorAll('[data-module="app-quiz"]'), function (question) {
      var options = Array.prototype.slice.call(question.querySelectorAll(".js-quiz-option"));
      return {
        chosen: numbers(options, function (option) { return option.checked; }),
        right: numbers(options, function (option) { return option.hasAttribute("data-right"); })
      };
    });
  }

  function setUp(part) {
    var passMark = Number(part.getAttribute("data-pass-mark"));
    var result = part.querySelector(".js-check-result");
    var earlier = part.querySelector(".js-check-earlier");
    var certificate = part.querySelector(".js-check-certificate");

    function showEarlier() {
      var stored = S.read("check");
      earlier.hidden = !(stored && stored.passed);
      if (stored && stored.passed) {
        earlier.textContent = "You passed the check on " + S.today(stored.date) + ", with " + stored.score + " of " +
          stored.total + " right. You can take it again if you like: your pass is kept.";
      }
      certificate.hidden = !(stored && stored.passed);
    }

    function say(text) {
      // Empty the region first, so the same words are announced again on a second try.
      result.textContent = "";
      window.setTimeout(function () { result.textContent = text; }, 100);
    }

    part.querySelector(".js-check-score").addEventListener("click", function () {
      var marked = D.scoreCheck(answers(), passMark);
      if (marked.answered < marked.total) {
        var left = marked.total - marked.answered;
        say("You have answered " + marked.answered + " of the " + marked.total + " questions. Answer the other " +
          (left === 1 ? "one" : left) + ", then select \u201cSee my score\u201d again.");
        return;
      }
      S.update("check", function (stored) {
        return D.bestCheck(stored, { score: marked.score, total: marked.total, passed: marked.passed, date: Date.now() });
      });
      var words = "You got " + marked.score + " of " + marked.total + " right. ";
      if (marked.passed) {
        words += "You have passed. You can now make your certificate on the \u201cYour progress\u201d page.";
      } else {
        words += "To pass, you need " + passMark + " or more. Use \u201cCheck my answer\u201d on each question to see " +
          "which ones to look at again, and read the \u201cWhy\u201d. Then change your answers and select \u201cSee my score\u201d again.";
      }
      say(words);
      showEarlier();
    });
    document.addEventListener("app:storage-cleared", showEarlier);
    document.addEventListener("app:storage-changed", function (event) {
      if (event.detail.name === "check") showEarlier();
    });
    part.querySelector(".js-check-no-script").hidden = true;
    part.querySelector(".js-check-tools").hidden = false;
    showEarlier();
  }

  S.start("app-check", setUp);
})();
