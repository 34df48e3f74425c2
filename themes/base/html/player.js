// The read-along player of the large-print page (formats/player.py puts it inline
// and pins it in the page's Content-Security-Policy by its SHA-256).
// It reads the timeline block (id, section, start ms, end ms), shows the buttons,
// and while the audio plays marks the element being heard with the active class.
(() => {
  "use strict";
  const audio = document.getElementById("player-audio");
  const controls = document.getElementById("player-controls");
  const timeline = document.getElementById("openleaf-timeline");
  if (!audio || !controls || !timeline || typeof audio.play !== "function") return;
  const data = JSON.parse(timeline.textContent);

  const entries = data.entries
    .map(([id, section, start, end]) => ({ id, section, start: start / 1000, end: end / 1000, el: document.getElementById(id) }))
    .filter((entry) => entry.el);
  if (!entries.length) return;
  const indexOf = new Map(entries.map((entry, i) => [entry.el, i]));
  // The spoken elements keyboards can reach: those in <main> that hold no other spoken element.
  const main = document.querySelector("main") || document.body;
  const leaves = entries.filter((entry) => main.contains(entry.el)
    && !entries.some((other) => other !== entry && entry.el.contains(other.el)));
  if (!leaves.length) return;
  const sectionStarts = entries.map((entry, i) => i).filter((i) => i === 0 || entries[i].section !== entries[i - 1].section);
  const tocLinks = [...document.querySelectorAll(".toc a[href^='#']")]
    .map((link) => ({ link, target: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
    .filter((item) => item.target);
  const speeds = [0.75, 1, 1.25, 1.5, 1.75, 2];
  const playLabel = controls.querySelector(".when-paused");
  const pauseLabel = controls.querySelector(".when-playing");
  const rateLabel = controls.querySelector(".player-rate");
  let numbers;
  try {
    numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  } catch (error) {  // a language tag this browser does not know: its own way of writing numbers
    numbers = new Intl.NumberFormat();
  }

  // --- which entry is heard ------------------------------------------------------------------
  // The last entry that has started; in the pause between two sentences the one just heard stays marked.
  const entryAt = (time) => {
    let low = 0, high = entries.length - 1, found = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (entries[mid].start <= time + 0.001) { found = mid; low = mid + 1; } else { high = mid - 1; }
    }
    return found;
  };

  let current = -1;
  let lastReaderScroll = -Infinity;
  let ourScrollUntil = 0;
  const FOLLOW_AFTER_MS = 5000;  // after the reader scrolls away, leave the page where they put it this long

  const mark = (index) => {
    if (index === current) return;
    if (current >= 0) entries[current].el.classList.remove(data.active);
    current = index;
    const el = entries[index].el;
    el.classList.add(data.active);
    setRovingStop(el);
    markSection(el);
    follow(el);
  };

  const markSection = (el) => {
    // The last heading (or part) of the table of contents that the element is in, or has passed.
    let here = null;
    for (const item of tocLinks) {
      const position = item.target.compareDocumentPosition(el);
      if (item.target === el || position & Node.DOCUMENT_POSITION_FOLLOWING || position & Node.DOCUMENT_POSITION_CONTAINED_BY) {
        here = item.link;
      }
    }
    for (const item of tocLinks) {
      if (item.link === here) item.link.setAttribute("aria-current", "true");
      else item.link.removeAttribute("aria-current");
    }
  };

  const follow = (el) => {
    if (audio.paused || performance.now() - lastReaderScroll < FOLLOW_AFTER_MS) return;
    const box = el.getBoundingClientRect();
    const inView = box.top >= 0 && box.bottom <= window.innerHeight;
    if (inView) return;
    ourScrollUntil = performance.now() + 1500;
    // "auto" follows the page's scroll-behavior: smooth, unless the reader asks for reduced motion.
    el.scrollIntoView({ block: "center", behavior: "auto" });
  };

  // A scroll the reader made (wheel, touch, keys, scrollbar), not one we made to follow the audio.
  const readerScrolled = () => { lastReaderScroll = performance.now(); };
  window.addEventListener("wheel", readerScrolled, { passive: true });
  window.addEventListener("touchmove", readerScrolled, { passive: true });
  window.addEventListener("scroll", () => { if (performance.now() > ourScrollUntil) readerScrolled(); }, { passive: true });
  window.addEventListener("keydown", (event) => {
    if (controls.contains(event.target)) return;
    if (["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown", " "].includes(event.key)) readerScrolled();
  });

  // --- playing ---------------------------------------------------------------------------------
  const playFrom = (index) => {
    const entry = entries[Math.max(0, Math.min(entries.length - 1, index))];
    lastReaderScroll = -Infinity;  // the reader chose a place: follow the audio again
    audio.currentTime = entry.start;
    const started = audio.play();  // first: playing, mark() brings the entry into view
    if (started && started.catch) started.catch(() => {});
    mark(entries.indexOf(entry));
  };

  const sectionOf = (index) => {
    let s = 0;
    while (s + 1 < sectionStarts.length && sectionStarts[s + 1] <= index) s += 1;
    return s;
  };

  const actions = {
    "play": () => {
      if (audio.paused) {
        lastReaderScroll = -Infinity;
        const started = audio.play();
        if (started && started.catch) started.catch(() => {});
      } else {
        audio.pause();
      }
    },
    "previous-sentence": () => playFrom(entryAt(audio.currentTime) - 1),
    "next-sentence": () => playFrom(entryAt(audio.currentTime) + 1),
    "previous-section": () => playFrom(sectionStarts[Math.max(0, sectionOf(entryAt(audio.currentTime)) - 1)]),
    "next-section": () => {
      const next = sectionOf(entryAt(audio.currentTime)) + 1;
      if (next < sectionStarts.length) playFrom(sectionStarts[next]);
    },
    "back": () => { audio.currentTime = Math.max(0, audio.currentTime - 10); },
    "forward": () => { audio.currentTime = Math.min(audio.duration || Infinity, audio.currentTime + 10); },
    "speed": () => {
      const at = speeds.indexOf(audio.playbackRate);
      audio.playbackRate = speeds[(at + 1) % speeds.length];
    },
  };

  controls.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });

  const showState = () => {
    const playing = !audio.paused;
    playLabel.hidden = playing;
    pauseLabel.hidden = !playing;
    document.documentElement.classList.toggle(data.playing, playing);
    rateLabel.textContent = numbers.format(audio.playbackRate) + "×";
  };
  for (const name of ["play", "pause", "ended", "ratechange"]) audio.addEventListener(name, showState);
  // timeupdate comes about four times a second; while playing, follow every frame as well.
  const tick = () => {
    mark(entryAt(audio.currentTime));
    if (!audio.paused) requestAnimationFrame(tick);
  };
  audio.addEventListener("playing", () => requestAnimationFrame(tick));
  audio.addEventListener("timeupdate", () => mark(entryAt(audio.currentTime)));
  audio.addEventListener("seeked", () => mark(entryAt(audio.currentTime)));

  // --- the text as a way in ----------------------------------------------------------------------
  // Clicking a spoken element (not a link in it, not a selection) plays from its start.
  // For keyboards, the spoken text is ONE stop in the Tab order (a roving tabindex): the element
  // heard last has tabindex 0, arrows move to the one before or after, Enter plays it. An article
  // has hundreds of sentences; a stop for each would bury the references and the footer under them.
  const isLeaf = new Set(leaves.map((entry) => entry.el));
  let stop = null;
  const setRovingStop = (el) => {
    if (!isLeaf.has(el) || el === stop) return;
    if (stop) stop.tabIndex = -1;
    stop = el;
    stop.tabIndex = 0;
  };

  const spokenAt = (node) => {
    for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
      if (indexOf.has(el)) return el;
    }
    return null;
  };

  document.addEventListener("click", (event) => {
    if (event.button !== 0 || event.target.closest("a, button, summary, input, select, textarea, audio")) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const el = spokenAt(event.target);
    if (el) playFrom(indexOf.get(el));
  });

  document.addEventListener("keydown", (event) => {
    const el = event.target;
    if (!isLeaf.has(el) || event.altKey || event.ctrlKey || event.metaKey) return;
    const i = leaves.findIndex((entry) => entry.el === el);
    const rtl = getComputedStyle(el).direction === "rtl";
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    if (event.key === "Enter") {
      event.preventDefault();
      playFrom(indexOf.get(el));
    } else if (step && leaves[i + step]) {
      event.preventDefault();
      setRovingStop(leaves[i + step].el);
      leaves[i + step].el.focus();
    }
  });

  // --- start ------------------------------------------------------------------------------------
  const activate = () => {
    controls.hidden = false;
    document.documentElement.classList.add("-openleaf-player");
    for (const entry of leaves) entry.el.tabIndex = -1;
    setRovingStop(leaves[0].el);
    showState();
  };
  const deactivate = () => {
    // The audio cannot play (the MP3 is not beside the page): the page goes back to plain text.
    controls.hidden = true;
    document.documentElement.classList.remove("-openleaf-player");
    for (const entry of leaves) entry.el.removeAttribute("tabindex");
    if (current >= 0) entries[current].el.classList.remove(data.active);
    stop = null;
  };
  audio.addEventListener("error", deactivate);
  activate();
})();
