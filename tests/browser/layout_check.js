// Injected by open_page.cmake into a copy of the page (the page itself runs
// no script and forbids scripts): checks what the page looks like once laid
// out, and writes the verdict on the root element for --dump-dom to show.
(function () {
  const problems = [];
  const bars = document.querySelectorAll('svg.status-bar, svg.binding-bar, svg.stage-bar, svg.commitment-bar');
  let segments = 0;
  for (const bar of bars) {
    const box = bar.getBoundingClientRect();
    const name = bar.getAttribute('class') + ' ' + (bar.getAttribute('data-focus-area') || 'plan');
    if (box.width < 200 || box.height < 8) problems.push(name + ' is ' + box.width + 'x' + box.height + ' px');
    let covered = 0;
    for (const rect of bar.querySelectorAll('rect')) {
      const r = rect.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) problems.push('an empty segment in ' + name);
      covered += r.width;
      ++segments;
    }
    // the segments tile the bar (within a pixel of rounding per segment)
    if (Math.abs(covered - bar.clientWidth) > bar.querySelectorAll('rect').length + 1)
      problems.push(name + ': segments cover ' + covered + ' of ' + bar.clientWidth + ' px');
  }
  for (const chart of document.querySelectorAll('svg.bullet')) {
    const box = chart.getBoundingClientRect();
    if (box.width < 100 || box.height < 10) problems.push('a bullet chart is ' + box.width + 'x' + box.height + ' px');
  }
  // every fill names a pattern the page defines, so nothing is drawn transparent
  for (const el of document.querySelectorAll('[fill^="url(#"]')) {
    const id = el.getAttribute('fill').slice(5, -1);
    const target = document.getElementById(id);
    if (!target || target.tagName.toLowerCase() !== 'pattern') problems.push('fill refers to no pattern: #' + id);
  }
  // the text is there to read: headings and legends are not hidden
  for (const el of document.querySelectorAll('h1, h2, ul.legend, table.observed')) {
    if (el.getBoundingClientRect().height <= 0) problems.push('hidden: <' + el.tagName.toLowerCase() + '>');
  }
  const root = document.documentElement;
  root.setAttribute('data-layout-segments', String(segments));
  root.setAttribute('data-layout-check', problems.length === 0 ? 'ok' : 'failed');
  for (const p of problems) console.error('layout: ' + p);
})();
