// EarthBox's own small SVG plotting module (no libraries): line and band charts, and horizontal bars.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

function el(name, attrs, parent) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

// "Nice" tick values covering [lo, hi] (Heckbert 1990, Graphics Gems).
function niceTicks(lo, hi, count) {
  if (!(hi > lo)) { hi = lo + 1; }
  const span = hi - lo, raw = span / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw) || 10 * mag;
  const ticks = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return { ticks, step };
}

function fmt(x, step) {
  let digits = 0;
  while (digits < 3 && Math.abs(step * Math.pow(10, digits) - Math.round(step * Math.pow(10, digits))) > 1e-6) digits++;
  return x.toFixed(digits);
}

// spec: {title, xlabel, ylabel, x: [..], layers: [{type: "band", lo, hi, color, opacity} | {type: "line", y, color, width, dash, label}
//        | {type: "points", x, y, color, label}], hlines: [{y, label, color}], vlines: [{x, label}], ymin, ymax, xmin, xmax, legend: bool}
function plotLines(svg, spec) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const W = svg.clientWidth || 600, H = svg.clientHeight || 300;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const m = { l: 56, r: 14, t: spec.title ? 26 : 10, b: 40 };
  const xs = spec.x;
  const values = [];
  for (const L of spec.layers) {
    for (const arr of [L.lo, L.hi, L.y]) if (arr) for (const v of arr) if (v !== null && isFinite(v)) values.push(v);
  }
  for (const h of spec.hlines || []) values.push(h.y);
  let ylo = spec.ymin !== undefined ? spec.ymin : Math.min(...values);
  let yhi = spec.ymax !== undefined ? spec.ymax : Math.max(...values);
  if (!isFinite(ylo) || !isFinite(yhi)) { ylo = 0; yhi = 1; }
  const pad = (yhi - ylo) * 0.06 || 1;
  if (spec.ymin === undefined) ylo -= pad;
  if (spec.ymax === undefined) yhi += pad;
  const allX = xs.concat(...spec.layers.filter(L => L.x).map(L => L.x));
  const xlo = spec.xmin !== undefined ? spec.xmin : Math.min(...allX);
  const xhi = spec.xmax !== undefined ? spec.xmax : Math.max(...allX);
  const X = x => m.l + (x - xlo) / (xhi - xlo) * (W - m.l - m.r);
  const Y = y => H - m.b - (y - ylo) / (yhi - ylo) * (H - m.t - m.b);
  if (spec.title) el("text", { x: m.l, y: 17, class: "plot-title" }, svg).textContent = spec.title;
  // Grid and axes.
  const yt = niceTicks(ylo, yhi, Math.max(3, Math.floor((H - m.t - m.b) / 45)));
  for (const t of yt.ticks) {
    el("line", { x1: m.l, x2: W - m.r, y1: Y(t), y2: Y(t), class: "grid" }, svg);
    el("text", { x: m.l - 6, y: Y(t) + 4, class: "tick", "text-anchor": "end" }, svg).textContent = fmt(t, yt.step);
  }
  const xt = niceTicks(xlo, xhi, Math.max(3, Math.floor((W - m.l - m.r) / 70)));
  for (const t of xt.ticks) {
    el("line", { x1: X(t), x2: X(t), y1: H - m.b, y2: H - m.b + 4, class: "axis" }, svg);
    el("text", { x: X(t), y: H - m.b + 17, class: "tick", "text-anchor": "middle" }, svg).textContent = fmt(t, xt.step);
  }
  el("line", { x1: m.l, x2: W - m.r, y1: H - m.b, y2: H - m.b, class: "axis" }, svg);
  el("line", { x1: m.l, x2: m.l, y1: m.t, y2: H - m.b, class: "axis" }, svg);
  if (spec.xlabel) el("text", { x: (m.l + W - m.r) / 2, y: H - 5, class: "label", "text-anchor": "middle" }, svg).textContent = spec.xlabel;
  if (spec.ylabel) el("text", { x: 13, y: (m.t + H - m.b) / 2, class: "label", "text-anchor": "middle",
                                transform: `rotate(-90 13 ${(m.t + H - m.b) / 2})` }, svg).textContent = spec.ylabel;
  const clip = "c" + Math.random().toString(36).slice(2);
  const defs = el("defs", {}, svg);
  el("rect", { x: m.l, y: m.t, width: W - m.l - m.r, height: H - m.t - m.b }, el("clipPath", { id: clip }, defs));
  const g = el("g", { "clip-path": `url(#${clip})` }, svg);
  for (const h of spec.hlines || []) {
    el("line", { x1: m.l, x2: W - m.r, y1: Y(h.y), y2: Y(h.y), class: "hline", stroke: h.color || "#888" }, g);
    if (h.label) el("text", { x: W - m.r - 4, y: Y(h.y) - 4, class: "hlabel", "text-anchor": "end", fill: h.color || "#666" }, g).textContent = h.label;
  }
  for (const v of spec.vlines || []) {
    el("line", { x1: X(v.x), x2: X(v.x), y1: m.t, y2: H - m.b, class: "hline", stroke: v.color || "#888" }, g);
    if (v.label) el("text", { x: X(v.x) + 4, y: m.t + 12, class: "hlabel", fill: v.color || "#666" }, g).textContent = v.label;
  }
  const legend = [];
  for (const L of spec.layers) {
    const lx = L.x || xs;
    if (L.type === "band") {
      let d = "";
      let started = false;
      for (let i = 0; i < lx.length; i++) { if (L.hi[i] === null) continue; d += (started ? "L" : "M") + X(lx[i]).toFixed(1) + "," + Y(L.hi[i]).toFixed(1); started = true; }
      for (let i = lx.length - 1; i >= 0; i--) { if (L.lo[i] === null) continue; d += "L" + X(lx[i]).toFixed(1) + "," + Y(L.lo[i]).toFixed(1); }
      el("path", { d: d + "Z", fill: L.color, "fill-opacity": L.opacity || 0.2, stroke: "none", class: L.cls || "" }, g);
      if (L.label) legend.push({ label: L.label, color: L.color, band: true, opacity: L.opacity || 0.2 });
    } else if (L.type === "line" || L.type === "points") {
      let d = "", pen = false;
      for (let i = 0; i < lx.length; i++) {
        const v = L.y[i];
        if (v === null || !isFinite(v)) { pen = false; continue; }
        d += (pen ? "L" : "M") + X(lx[i]).toFixed(1) + "," + Y(v).toFixed(1);
        pen = true;
      }
      if (L.type === "line" || L.connect) {
        el("path", { d, fill: "none", stroke: L.color, "stroke-width": L.width || 2, "stroke-dasharray": L.dash || "", class: L.cls || "" }, g);
      }
      if (L.type === "points") {
        for (let i = 0; i < lx.length; i++) if (L.y[i] !== null) el("circle", { cx: X(lx[i]), cy: Y(L.y[i]), r: L.radius || 3, fill: L.color }, g);
      }
      if (L.label) legend.push({ label: L.label, color: L.color, dash: L.dash });
    }
  }
  if (legend.length && spec.legend !== false) {
    const lg = el("g", { class: "legend" }, svg);
    const at = spec.legendAt || (spec.legendRight ? [0.8, 0] : [0, 0]);
    let y = m.t + 8 + at[1] * (H - m.t - m.b);
    const x0 = Math.min(W - m.r - 190, m.l + 10 + at[0] * (W - m.l - m.r));
    for (const item of legend) {
      if (item.band) el("rect", { x: x0, y: y - 6, width: 22, height: 10, fill: item.color, "fill-opacity": item.opacity }, lg);
      else el("line", { x1: x0, x2: x0 + 22, y1: y, y2: y, stroke: item.color, "stroke-width": 2.5, "stroke-dasharray": item.dash || "" }, lg);
      el("text", { x: x0 + 28, y: y + 4, class: "legend-text" }, lg).textContent = item.label;
      y += 16;
    }
  }
  svg.dataset.drawn = String((+svg.dataset.drawn || 0) + 1);
}

// Horizontal bars: bars = [{label, value, color}], with value labels.
function plotBars(svg, spec) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const W = svg.clientWidth || 600, H = svg.clientHeight || 300;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const m = { l: spec.labelWidth || 250, r: 50, t: spec.title ? 28 : 8, b: 36 };
  const max = Math.max(...spec.bars.map(b => b.value)) * 1.1;
  const X = v => m.l + v / max * (W - m.l - m.r);
  if (spec.title) el("text", { x: 10, y: 18, class: "plot-title" }, svg).textContent = spec.title;
  const xt = niceTicks(0, max, 5);
  for (const t of xt.ticks) {
    el("line", { x1: X(t), x2: X(t), y1: m.t, y2: H - m.b, class: "grid" }, svg);
    el("text", { x: X(t), y: H - m.b + 16, class: "tick", "text-anchor": "middle" }, svg).textContent = fmt(t, xt.step);
  }
  if (spec.xlabel) el("text", { x: (m.l + W - m.r) / 2, y: H - 4, class: "label", "text-anchor": "middle" }, svg).textContent = spec.xlabel;
  const h = (H - m.t - m.b) / spec.bars.length;
  spec.bars.forEach((b, i) => {
    const y = m.t + i * h;
    el("rect", { x: m.l, y: y + h * 0.18, width: Math.max(0, X(b.value) - m.l), height: h * 0.64, fill: b.color, rx: 3 }, svg);
    el("text", { x: m.l - 8, y: y + h / 2 + 4, class: "bar-label", "text-anchor": "end" }, svg).textContent = b.label;
    el("text", { x: X(b.value) + 6, y: y + h / 2 + 4, class: "bar-value" }, svg).textContent = b.text || b.value.toFixed(2);
  });
  svg.dataset.drawn = String((+svg.dataset.drawn || 0) + 1);
}
