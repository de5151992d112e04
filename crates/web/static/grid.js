// The availability grid (see crates/web/src/weekly_grid.rs). The page works without this script:
// the day and time buttons then submit the form and it comes back changed. With it they fill or
// empty their column or row in place, a finger or mouse dragged across the boxes gives each the
// state of the first box touched, and the summary above the grid follows every change, written
// as `weekly_grid::summary` writes it.
"use strict";

(function () {
  for (const table of document.querySelectorAll("table[data-grid]")) {
    setUp(table, document.getElementById("grid-summary"));
  }

  function setUp(table, summary) {
    const boxes = () => Array.from(table.querySelectorAll("input[type=checkbox]"));
    const refresh = () => { if (summary) summary.textContent = summarise(table, boxes(), summary.dataset); };
    let painting = null;
    let pressed = false;

    table.addEventListener("click", (event) => {
      const button = event.target.closest("button[name=grid]");
      if (button) {
        event.preventDefault();
        toggle(button.value, boxes());
        refresh();
      } else if (pressed && event.target.matches("input[type=checkbox]")) {
        // The box was set when the finger went down; the click must not undo it.
        event.preventDefault();
      }
      pressed = false;
    });
    // A drag paints the rectangle from the first box to the one under the finger; boxes that
    // leave the rectangle get their state back, so a finger that goes too far can come back.
    const codes = Array.from(table.querySelectorAll("thead button[name=grid]")).map((b) => b.value.slice(4));
    let start = null;
    let before = null;
    table.addEventListener("pointerdown", (event) => {
      if (!event.target.matches("input[type=checkbox]") || event.button > 0) return;
      pressed = true;
      painting = !event.target.checked;
      start = place(codes, event.target);
      before = new Map(boxes().map((box) => [box, box.checked]));
      event.target.checked = painting;
      refresh();
    });
    // Paints to the box under (x, y), if it is one of this grid's.
    const paintTo = (x, y) => {
      const under = document.elementFromPoint(x, y);
      if (!under || !table.contains(under) || !under.matches("input[type=checkbox]")) return;
      const end = place(codes, under);
      for (const [box, was] of before) {
        const at = place(codes, box);
        const inside = between(at.day, start.day, end.day) && between(at.halfHour, start.halfHour, end.halfHour);
        box.checked = inside ? painting : was;
      }
      refresh();
    };
    table.addEventListener("pointermove", (event) => {
      if (painting !== null) paintTo(event.clientX, event.clientY);
    });
    for (const end of ["pointerup", "pointercancel"]) {
      window.addEventListener(end, (event) => {
        // The last move may not have been delivered before the finger lifted.
        if (painting !== null && end === "pointerup") paintTo(event.clientX, event.clientY);
        painting = null;
        // The click that follows a release comes before this timer.
        setTimeout(() => { pressed = false; }, 0);
      });
    }
    table.addEventListener("change", refresh);
  }

  // A box's column (Monday = 0) and half-hour, from its value (`tue-18`).
  function place(codes, box) {
    const [day, halfHour] = box.value.split("-");
    return { day: codes.indexOf(day), halfHour: Number(halfHour) };
  }

  function between(value, a, b) {
    return value >= Math.min(a, b) && value <= Math.max(a, b);
  }

  // A day column (`day-mon`) or a time row (`row-18`): filled unless it was full, then emptied.
  function toggle(value, boxes) {
    const [kind, key] = value.split("-");
    const hit = boxes.filter((box) => {
      const [day, halfHour] = box.value.split("-");
      return kind === "day" ? day === key : halfHour === key;
    });
    const fill = !hit.every((box) => box.checked);
    hit.forEach((box) => { box.checked = fill; });
  }

  function summarise(table, boxes, words) {
    const days = Array.from(table.querySelectorAll("thead button[name=grid]"))
      .map((button) => ({ code: button.value.slice(4), label: button.textContent.trim() }));
    const ticked = new Set(boxes.filter((box) => box.checked).map((box) => box.value));
    const groups = [];
    let slots = 0;
    days.forEach((day, index) => {
      const windows = [];
      for (let halfHour = 0; halfHour < 48; halfHour++) {
        if (!ticked.has(day.code + "-" + halfHour)) continue;
        slots++;
        const last = windows[windows.length - 1];
        if (last && last[1] === halfHour) last[1] = halfHour + 1;
        else windows.push([halfHour, halfHour + 1]);
      }
      if (windows.length === 0) return;
      const key = windows.map((w) => w.join("-")).join(",");
      const group = groups.find((g) => g.key === key);
      if (group) group.days.push(index);
      else groups.push({ key, windows, days: [index] });
    });
    if (slots === 0) return words.none;
    const time = (h) => Math.floor(h / 2) + ":" + (h % 2 ? "30" : "00");
    const text = groups.map((group) => {
      const times = group.windows.map(([start, end]) => time(start) + words.to + time(end));
      return dayWords(group.days, days, words) + " " + times.join(words.and);
    });
    const hours = slots % 2 ? Math.floor(slots / 2) + ".5" : String(slots / 2);
    return words.template.replace("{windows}", text.join(words.then)).replace("{hours}", hours);
  }

  // Runs of three or more days as a range (月〜金), others one by one (土・日).
  function dayWords(indexes, days, words) {
    const runs = [];
    for (const index of indexes) {
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] + 1 === index) run.push(index);
      else runs.push([index]);
    }
    return runs.flatMap((run) => run.length >= 3
      ? [days[run[0]].label + words.to + days[run[run.length - 1]].label]
      : run.map((i) => days[i].label)).join(words.and);
  }
})();
