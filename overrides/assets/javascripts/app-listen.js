/* "Listen to this page": reads the course text of the page aloud with the
   browser's own voice (speechSynthesis; nothing is sent anywhere). Only the
   article is read, not the menus, buttons or hidden answers. Where the
   browser has no speech, the controls stay hidden. */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || !window.SpeechSynthesisUtterance) return;

  var SKIP = "script, style, noscript, button, textarea, input, [hidden], [aria-hidden='true'], .headerlink, " +
    ".app-listen, .app-done, .app-note, .app-quiz__answer, .app-quiz__feedback, .app-glossary-tip__bubble, " +
    ".app-reading-time, .app-storage-warning, .md-source-file, .md-content__button";
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, legend, label, summary, figcaption, blockquote, div";

  /* The article's words, one piece per paragraph, heading or list item
     (long single utterances are cut short by some browsers). */
  function pieces(article) {
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var found = [], block = null, text = "";
    while (walker.nextNode()) {
      var parent = walker.currentNode.parentElement;
      if (!parent || parent.closest(SKIP) || !walker.currentNode.textContent.trim()) continue;
      var here = parent.closest(BLOCKS);
      if (here !== block && text.trim()) { found.push(text.replace(/\s+/g, " ").trim()); text = ""; }
      block = here;
      text += walker.currentNode.textContent;
    }
    if (text.trim()) found.push(text.replace(/\s+/g, " ").trim());
    return found;
  }

  function setUp(part) {
    var play = part.querySelector(".js-listen-play");
    var stop = part.querySelector(".js-listen-stop");
    var status = part.querySelector(".js-listen-status");
    var article = part.closest("article") || document.querySelector("article");
    var state = "idle", run = 0;

    function show(next, words) {
      state = next;
      play.textContent = { idle: "Listen to this page", playing: "Pause", paused: "Carry on listening" }[state];
      stop.hidden = state === "idle";
      status.textContent = words;
    }

    function start() {
      var thisRun = ++run;
      synth.cancel();
      var all = pieces(article);
      all.forEach(function (words, index) {
        var utterance = new SpeechSynthesisUtterance(words);
        utterance.lang = document.documentElement.lang || "en-GB";
        utterance.rate = 0.9;
        if (index === all.length - 1) {
          utterance.onend = function () { if (thisRun === run && state !== "idle") show("idle", "Finished reading the page."); };
        }
        synth.speak(utterance);
      });
      show("playing", "Reading the page aloud with your browser\u2019s voice.");
    }

    play.addEventListener("click", function () {
      if (state === "idle") start();
      else if (state === "playing") { synth.pause(); show("paused", "Paused."); }
      else { synth.resume(); show("playing", "Reading again."); }
    });
    stop.addEventListener("click", function () {
      run++;
      synth.cancel();
      show("idle", "Stopped.");
      play.focus();
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
    part.hidden = false;
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

  startEach("app-listen", setUp);
})();
