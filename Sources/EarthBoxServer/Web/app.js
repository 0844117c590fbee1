// EarthBox simulator: the policy page and the four teaching labs (single page, hash routes, no libraries).
"use strict";

const $ = id => document.getElementById(id);
const CLIENT = Math.random().toString(36).slice(2, 12);   // "newest request wins" is per page
let schema = null;

// ---------- Policy controls ----------
// Slider ranges inside the namelist ranges (which the server checks with the namelist's own messages).
const SLIDERS = {
  peak_year: { label: "Peak year", min: 2024, max: 2060, step: 1, value: 2030, unit: "" },
  peak_emissions: { label: "Peak fossil CO₂", min: 0, max: 60, step: 0.1, value: 40, unit: "Gt CO₂/yr" },
  net_zero_year: { label: "Net-zero year", min: 2030, max: 2100, step: 1, value: 2070, unit: "" },
  decline_steepness: { label: "Decline steepness", min: 0.5, max: 15, step: 0.5, value: 3, unit: "" },
  residual_emissions: { label: "Residual emissions at net zero", min: 0, max: 10, step: 0.1, value: 0, unit: "Gt CO₂/yr" },
  removal_rate: { label: "Net removal after net zero", min: 0, max: 20, step: 0.1, value: 0, unit: "Gt CO₂/yr" },
  removal_years: { label: "Years of net removal", min: 0, max: 100, step: 1, value: 0, unit: "yr" },
  land_removal_capacity: { label: "Afforestation/reforestation: up to", min: 0, max: 10, step: 0.1, value: 0, unit: "Gt CO₂/yr" },
  land_removal_start_year: { label: "… from", min: 2023, max: 2100, step: 1, value: 2030, unit: "" },
  land_removal_ramp_years: { label: "… reached after", min: 0, max: 60, step: 1, value: 20, unit: "yr" },
  ocean_alkalinity_capacity: { label: "Ocean alkalinity enhancement: up to", min: 0, max: 10, step: 0.1, value: 0, unit: "Gt CO₂/yr" },
  ocean_alkalinity_start_year: { label: "… from", min: 2023, max: 2100, step: 1, value: 2030, unit: "" },
  ocean_alkalinity_ramp_years: { label: "… reached after", min: 0, max: 60, step: 1, value: 20, unit: "yr" },
  non_co2_fraction: { label: "CH₄ and N₂O by net zero (× base)", min: 0, max: 1.5, step: 0.05, value: 1, unit: "" },
  equilibrium_climate_sensitivity: { label: "Climate sensitivity (ECS)", min: 1.5, max: 6, step: 0.1, value: 3, unit: "K" },
  aerosol_scale: { label: "Aerosol forcing (× best estimate)", min: 0, max: 2.5, step: 0.05, value: 1, unit: "" },
};
const REMOVAL_KEYS = ["land_removal_capacity", "land_removal_start_year", "land_removal_ramp_years",
                      "ocean_alkalinity_capacity", "ocean_alkalinity_start_year", "ocean_alkalinity_ramp_years"];
const REGION_DEFAULTS = { World: { peak_emissions: 40, net_zero_year: 2070 }, China: { peak_emissions: 12.5, net_zero_year: 2060 } };

const state = { mode: "ensemble", weighting: "constrained", scenario: "ssp245", pathway: true, region: "World", decline_shape: "linear" };
for (const [k, s] of Object.entries(SLIDERS)) state[k] = s.value;

function makeSlider(container, key, spec, onInput) {
  container.innerHTML = "";
  const label = document.createElement("label");
  label.className = "slider-label";
  label.htmlFor = "s-" + key;
  const name = document.createElement("span");
  name.textContent = spec.label;
  const out = document.createElement("output");
  out.id = "v-" + key;
  label.append(name, out);
  const input = document.createElement("input");
  Object.assign(input, { type: "range", id: "s-" + key, min: spec.min, max: spec.max, step: spec.step });
  input.dataset.key = key;
  container.append(label, input);
  input.addEventListener("input", () => onInput(key, +input.value));
  return input;
}

function showSliderValue(key, value, unit) {
  const out = $("v-" + key);
  if (out) out.textContent = (Number.isInteger(SLIDERS[key] ? SLIDERS[key].step : 1) ? String(value) : (+value).toFixed(SLIDERS[key] && SLIDERS[key].step < 0.1 ? 2 : 1)) + (unit ? " " + unit : "");
}

function policyParameters() {
  const p = { mode: state.mode, weighting: state.weighting, scenario: state.scenario, pathway: state.pathway ? "on" : "off" };
  if (state.pathway) {
    p.region = state.region;
    for (const k of ["peak_year", "peak_emissions", "net_zero_year", "decline_steepness", "residual_emissions", "removal_rate", "removal_years", "non_co2_fraction", ...REMOVAL_KEYS]) p[k] = state[k];
    p.decline_shape = state.decline_shape;
  }
  if (state.mode === "single") {
    p.equilibrium_climate_sensitivity = state.equilibrium_climate_sensitivity;
    p.aerosol_radiation_scale = state.aerosol_scale;
    p.aerosol_cloud_scale = state.aerosol_scale;
  }
  return p;
}

const query = p => Object.entries(p).map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");

function readHash() {
  const h = location.hash.slice(1);
  const [route, qs] = h.split("?");
  const params = {};
  for (const part of (qs || "").split("&")) {
    if (!part) continue;
    const [k, v] = part.split("=");
    params[decodeURIComponent(k)] = decodeURIComponent(v || "");
  }
  return { route: route || "policy", params };
}

function applyPolicyParams(params) {
  for (const k of ["mode", "weighting", "scenario", "region", "decline_shape"]) if (params[k] !== undefined) state[k] = params[k];
  if (params.pathway !== undefined) state.pathway = params.pathway === "on";
  for (const k of Object.keys(SLIDERS)) if (params[k] !== undefined && params[k] !== "") state[k] = +params[k];
  if (params.aerosol_cloud_scale !== undefined) state.aerosol_scale = +params.aerosol_cloud_scale;
}

function syncPolicyControls() {
  $("scenario").value = state.scenario;
  $("region").value = state.region;
  $("decline_shape").value = state.decline_shape;
  $("pathway").checked = state.pathway;
  $("pathway-controls").classList.toggle("disabled", !state.pathway);
  for (const r of document.querySelectorAll("input[name=mode]")) r.checked = r.value === state.mode;
  for (const r of document.querySelectorAll("input[name=weighting]")) r.checked = r.value === state.weighting;
  $("ensemble-controls").hidden = state.mode !== "ensemble";
  $("single-controls").hidden = state.mode !== "single";
  // The peak cannot be below the last observed year's emissions (PathwayShape's rule).
  const hist = schema.region_history[state.region];
  const peak = SLIDERS.peak_emissions;
  peak.min = Math.ceil(hist.last_emissions_gt * 10) / 10;
  peak.max = Math.ceil(hist.last_emissions_gt * 1.6);
  for (const [k, s] of Object.entries(SLIDERS)) {
    const input = $("s-" + k);
    if (!input) continue;
    input.min = s.min; input.max = s.max;
    input.value = state[k];
    showSliderValue(k, state[k], s.unit);
  }
}

function onPolicySlider(key, value) {
  state[key] = value;
  // Keep the pathway self-consistent while dragging: net zero after the peak, a removal phase with both a rate and a length.
  if (key === "peak_year" && state.net_zero_year <= value) state.net_zero_year = value + 1;
  if (key === "net_zero_year" && state.peak_year >= value) state.peak_year = value - 1;
  if (key === "removal_rate") { if (value > 0 && state.removal_years === 0) state.removal_years = 30; if (value === 0) state.removal_years = 0; }
  if (key === "removal_years") { if (value > 0 && state.removal_rate === 0) state.removal_rate = 1; if (value === 0) state.removal_rate = 0; }
  if (key === "residual_emissions" && value > state.peak_emissions) state.residual_emissions = state.peak_emissions;
  syncPolicyControls();
  requestPolicy();
}

// ---------- Requests: the newest wins ----------
let inflight = null, sequence = 0;
let last = null, baseline = JSON.parse(localStorage.getItem("earthbox-baseline") || "null");

function setStatus(text, cls) {
  const s = $("status");
  s.textContent = text;
  s.className = "status " + (cls || "");
}

async function requestPolicy() {
  const params = policyParameters();
  history.replaceState(null, "", "#policy?" + query(params));
  updateDownloads(params);
  const mine = ++sequence;
  if (inflight) inflight.abort();
  const controller = new AbortController();
  inflight = controller;
  setStatus("running…", "busy");
  const t0 = performance.now();
  try {
    const response = await fetch("/api/policy?" + query({ ...params, client: CLIENT }), { signal: controller.signal });
    const body = await response.json();
    if (mine !== sequence) return;                      // a newer request was sent: drop this result
    if (response.status === 409) return;
    if (!response.ok) { setStatus(body.error, "error"); return; }
    last = body;
    window.earthboxLast = body;
    drawPolicy(body);
    const timing = /total;dur=([\d.]+)/.exec(response.headers.get("Server-Timing") || "");
    const server = timing ? +timing[1] : body.compute_ms;   // run + plume percentiles + JSON
    setStatus(`${body.members} member${body.members > 1 ? "s" : ""}: ${server.toFixed(0)} ms on the server, ${(performance.now() - t0).toFixed(0)} ms in all`, "ok");
  } catch (e) {
    if (e.name !== "AbortError" && mine === sequence) setStatus("request failed: " + e.message, "error");
  } finally {
    if (inflight === controller) inflight = null;
  }
}

function updateDownloads(params) {
  const q = query(params);
  $("download-csv").href = "/api/policy.csv?" + q;
  $("download-nc").href = "/api/policy.nc?" + q;
  $("download-nml").href = "/api/policy.nml?" + q;
}

// ---------- Drawing ----------
const f2 = x => (x === null || x === undefined || !isFinite(x)) ? "–" : x.toFixed(2);
const pct = x => (x === null || x === undefined) ? "–" : Math.round(x * 100) + " %";
const years = d => d.warming[0].map((_, i) => d.first_year + i);

function card(id, title, main, sub, value, baseValue, unit) {
  let delta = "";
  if (baseValue !== undefined && baseValue !== null && value !== null && isFinite(value) && isFinite(baseValue)) {
    const diff = value - baseValue;
    delta = `<div class="delta ${diff > 0 ? "up" : diff < 0 ? "down" : ""}">baseline ${f2(baseValue)}${unit || ""} (${diff >= 0 ? "+" : ""}${diff.toFixed(2)})</div>`;
  }
  return `<div class="card" id="card-${id}"><div class="card-title">${title}</div><div class="card-main" id="num-${id}" data-value="${value}">${main}</div>` +
         `<div class="card-sub">${sub}</div>${delta}</div>`;
}

function drawPolicy(d) {
  const s = d.summary, b = baseline && baseline.summary;
  const ens = d.members > 1;
  const cards = [];
  cards.push(card("peak", "Peak warming" + (ens ? " (median)" : ""), f2(s.peak_warming[2]) + " °C",
                  (ens ? `5–95 %: ${f2(s.peak_warming[0])}–${f2(s.peak_warming[4])} °C · ` : "") + `annual peak ${f2(s.peak_annual)} °C in <span id="num-peak-year">${s.peak_year}</span>`,
                  s.peak_warming[2], b && b.peak_warming[2], " °C"));
  cards.push(card("p15", "P(peak > 1.5 °C)", ens ? pct(s.p_above_1_5) : "single run", ens ? `P(peak > 2 °C): <span id="num-p20">${pct(s.p_above_2_0)}</span>` : "switch to the ensemble for probabilities",
                  s.p_above_1_5, b && b.p_above_1_5, ""));
  cards.push(card("category", "AR6 category", `<span class="cat cat-${s.category}">${s.category}</span>`, s.category_name, null));
  cards.push(card("w2100", "Warming in 2100" + (ens ? " (median)" : ""), f2(s.warming_2100[2]) + " °C",
                  ens ? `5–95 %: ${f2(s.warming_2100[0])}–${f2(s.warming_2100[4])} °C` : "relative to 1850–1900", s.warming_2100[2], b && b.warming_2100[2], " °C"));
  const budget = x => x === null ? "not reached" : Math.round(x) + " Gt CO₂";
  cards.push(card("budget", "CO₂ emitted from 2020 until 1.5 °C", budget(s.budget_1_5_from_2020),
                  `AR6 remaining budget (50 %): ${s.ar6_budget_1_5} Gt CO₂ · to 2 °C: ${budget(s.budget_2_0_from_2020)} (AR6 ${s.ar6_budget_2_0}) · pathway 2020–2100: ${Math.round(s.emitted_2020_2100)} Gt CO₂`,
                  s.budget_1_5_from_2020, b && b.budget_1_5_from_2020, ""));
  cards.push(card("co2", "CO₂ in 2100", Math.round(s.co2_2100[2]) + " ppm", `sea level 2100: ${s.sea_level_2100_cm[2].toFixed(1)} cm (thermosteric, vs 1995–2014)`,
                  s.co2_2100[2], b && b.co2_2100[2], " ppm"));
  $("cards").innerHTML = cards.join("");

  const x = years(d);
  const w = d.warming;
  const layers = [];
  if (ens) {
    layers.push({ type: "band", lo: w[0], hi: w[4], color: "#d9480f", opacity: 0.16, label: "5–95 %" });
    layers.push({ type: "band", lo: w[1], hi: w[3], color: "#d9480f", opacity: 0.25, label: "17–83 %" });
  }
  if (baseline) layers.push({ type: "line", x: years(baseline), y: baseline.warming[2], color: "#495057", width: 2, dash: "6 4", label: "baseline" });
  layers.push({ type: "line", y: w[2], color: "#c92a2a", width: 2.5, label: ens ? "median" : "single run", cls: "median-line" });
  plotLines($("plot-warming"), { title: "Global surface warming relative to 1850–1900 (°C)", x, layers, xmin: 1950, xmax: 2100,
    hlines: [{ y: 1.5, label: "1.5 °C", color: "#2b8a3e" }, { y: 2, label: "2 °C", color: "#e67700" }], ylabel: "°C", ymin: 0 });

  const e0 = 1990 - d.first_year;
  const ex = x.slice(e0);
  const el = [{ type: "line", x: ex, y: d.base_fossil_co2.slice(e0), color: "#868e96", width: 1.5, dash: "4 3", label: `${d.request.scenario} fossil CO₂` }];
  if (baseline) el.push({ type: "line", x: ex, y: baseline.emissions.slice(e0), color: "#495057", width: 1.5, dash: "6 4", label: "baseline total" });
  el.push({ type: "line", x: ex, y: d.emissions.slice(e0), color: "#1864ab", width: 2.5, label: "total CO₂ (fossil + land use)" });
  const routeColors = { geological: "#495057", land: "#2f9e44", ocean: "#1098ad" };
  d.removal.routes.forEach((route, j) => {
    const y = d.removal.series_gtco2[j];
    if (y.some(v => v > 0)) el.push({ type: "line", x: ex, y: y.slice(e0).map(v => -v), color: routeColors[route], width: 1.5, label: `removal: ${route}` });
  });
  plotLines($("plot-emissions"), { title: "CO₂ emissions (Gt CO₂/yr)", x: ex, layers: el, hlines: [{ y: 0, color: "#adb5bd" }], legendAt: [0.62, 0.62] });

  const band = (arr, color, label) => ens ? [{ type: "band", lo: arr[0], hi: arr[4], color, opacity: 0.18 }, { type: "line", y: arr[2], color, width: 2, label }] : [{ type: "line", y: arr[2], color, width: 2, label }];
  plotLines($("plot-co2"), { title: "Atmospheric CO₂ (ppm)", x, xmin: 1950, xmax: 2100, layers: band(d.co2, "#5f3dc4", "median"), legend: false });
  plotLines($("plot-sinks"), { title: "Carbon sinks (Pg C/yr)", x, xmin: 1950, xmax: 2100,
    layers: band(d.ocean_sink, "#1971c2", "ocean").concat(band(d.land_sink, "#2f9e44", "land (NPP − respiration)")), hlines: [{ y: 0, color: "#adb5bd" }] });
  plotLines($("plot-sea"), { title: "Thermosteric sea level vs 1995–2014 (cm)", x, xmin: 1950, xmax: 2100, layers: band(d.sea_level, "#0b7285", "median"), legend: false });

  drawRemoval(d);

  $("footnote").textContent = `${ens ? `${d.members} members of ${schema.ensemble}, weights ${d.request.weighting} (effective sample size ${Math.round(d.effective_sample_size)})` : "one member with the sliders' physics"}; ` +
    `members restart from stored states at ${d.restart_year}, so a change runs only ${d.restart_year}–2100. Peak warming and probabilities use the 20-year running mean (as earthbox ensemble); AR6 category from peak and 2100 percentiles (IPCC AR6 WG3, Table 3.1).`;
}

// CO2 removal by type: what each route removed on paper, what the model booked, and its paired effect (the run minus
// the same run with that route's removals left undone).
const ROUTE_NAMES = { geological: "Geological store (DACCS, BECCS)", land: "Afforestation/reforestation", ocean: "Ocean alkalinity enhancement" };
function drawRemoval(d) {
  const panel = $("removal-panel");
  const r = d.removal;
  if (!r || r.effects.length === 0) { panel.hidden = true; return; }
  panel.hidden = false;
  const ens = d.members > 1;
  const range = (q, digits, unit) => f(q[2], digits) + unit + (ens ? ` <span class="range">(${f(q[0], digits)} to ${f(q[4], digits)})</span>` : "");
  const rows = r.effects.map(e => `<tr id="removal-${e.route}" data-nominal="${e.nominal_pgc}" data-co2="${e.co2_change_2100[2]}" data-warming="${e.warming_change_2100[2]}">` +
    `<td>${ROUTE_NAMES[e.route]}</td><td>${Math.round(e.nominal_gtco2)} Gt CO₂<br><span class="range">${e.nominal_pgc.toFixed(1)} PgC; booked ${e.booked_pgc.toFixed(1)}</span></td>` +
    `<td>${range(e.carbon_kept_out_2100_pgc, 1, " PgC")}</td><td>${range(e.co2_change_2100, 1, " ppm")}</td>` +
    `<td>${range(e.warming_change_2100, 2, " °C")}</td><td>${range(e.peak_warming_change, 2, " °C")}</td></tr>`).join("");
  panel.innerHTML = `<h3>CO₂ removal by type, ${d.restart_year}–2100</h3><table><thead><tr><th>Route</th><th>Removed on paper</th>` +
    `<th>Kept out of the air in 2100</th><th>CO₂ in 2100</th><th>Warming in 2100</th><th>Peak warming</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p class="hint">Each route's effect is this run minus the same run with that route's removals left undone, member by member${ens ? " (median, 5–95 %)" : ""}. ` +
    `Less carbon stays out of the air than was removed: as CO₂ falls the ocean and land give some back. Carbon ledger: largest residual ${r.largest_ledger_residual_pgc.toExponential(1)} PgC in any member and year.</p>`;
}
const f = (x, digits) => (x === null || x === undefined || !isFinite(x)) ? "–" : (x > 0 ? "+" : "") + x.toFixed(digits);

// ---------- Labs ----------
let labRequest = null, labSequence = 0;

function labDefinition(name) { return schema.labs.find(l => l.name === name); }

function showLab(name, params) {
  const lab = labDefinition(name);
  $("lab-title").textContent = lab.title;
  $("lab-look-for").innerHTML = lab.look_for.map(t => `<li>${t}</li>`).join("");
  const box = $("lab-sliders");
  box.innerHTML = "";
  const values = {};
  for (const p of lab.parameters) {
    values[p.name] = params[p.name] !== undefined ? +params[p.name] : p.initial;
    const div = document.createElement("div");
    div.className = "slider";
    box.appendChild(div);
    const spec = { label: p.label, min: p.min, max: p.max, step: p.step, unit: p.unit };
    const id = "lab_" + p.name;   // the policy page has sliders of the same keys
    const input = makeSlider(div, id, spec, (k, v) => { values[p.name] = v; showLabValue(id, v, spec); runLab(name, values); });
    input.value = values[p.name];
    showLabValue(id, values[p.name], spec);
  }
  $("lab-reset").onclick = () => showLab(name, {});
  runLab(name, values);
}

function showLabValue(k, v, spec) {
  const digits = spec.step >= 1 ? 0 : spec.step >= 0.1 ? 1 : spec.step >= 0.01 ? 2 : 3;
  $("v-" + k).textContent = (+v).toFixed(digits) + (spec.unit ? " " + spec.unit : "");
}

async function runLab(name, values) {
  history.replaceState(null, "", `#lab/${name}?` + query(values));
  const mine = ++labSequence;
  if (labRequest) labRequest.abort();
  const controller = new AbortController();
  labRequest = controller;
  setStatus("running…", "busy");
  try {
    const r = await fetch(`/api/lab/${name}?` + query(values), { signal: controller.signal });
    const body = await r.json();
    if (mine !== labSequence) return;
    if (!r.ok) { setStatus(body.error, "error"); return; }
    window.earthboxLab = body;
    drawLab(name, body, values);
    setStatus(`lab computed in ${body.compute_ms.toFixed(0)} ms`, "ok");
  } catch (e) {
    if (e.name !== "AbortError" && mine === labSequence) setStatus("request failed: " + e.message, "error");
  }
}

function col(t, name) { const i = t.columns.indexOf(name); return t.rows.map(r => r[i]); }

function drawLab(name, t, values) {
  $("lab-findings").innerHTML = `<h3>${t.title}</h3><ul>` + t.notes.filter(n => !n.startsWith("legs:")).map(n => `<li>${n.trim()}</li>`).join("") + "</ul>";
  const second = $("lab-plot-2");
  second.parentElement.hidden = false;
  second.style.height = "";
  if (name === "snowball-hysteresis") {
    const S = col(t, "solar_constant_W_m2"), leg = col(t, "leg"), edge = col(t, "ice_edge_degN"), T = col(t, "global_mean_degC");
    const legs = [[1, "#e8590c", "1: Sun brightening from today"], [2, "#1c7ed6", "2: Sun dimming"], [3, "#2f9e44", "3: brightening again from the snowball"]];
    const series = (y) => legs.map(([l, color, label]) => {
      const idx = S.map((_, i) => i).filter(i => leg[i] === l);
      return { type: "points", connect: true, x: idx.map(i => S[i]), y: idx.map(i => y[i]), color, label, radius: l === 1 ? 4 : 2.2, width: l === 1 ? 3.5 : 1.6 };
    });   // leg 1 drawn first and wider: it shows round leg 2 where both are ice free
    plotLines($("lab-plot"), { title: "Northern ice edge against the solar constant: two branches", x: S, layers: series(edge), xlabel: "solar constant (W m⁻²)",
      ylabel: "ice edge (°N)", ymin: 0, ymax: 92, vlines: [{ x: 1361, label: "today" }], legendAt: [0.4, 0.45] });
    plotLines(second, { title: "Global mean surface temperature (°C)", x: S, layers: series(T), xlabel: "solar constant (W m⁻²)", ylabel: "°C",
      vlines: [{ x: 1361, label: "today" }], legend: false });
  } else if (name === "feedback-switches") {
    const labels = ["1 full model", "2 no ice-albedo feedback", "3 no meridional transport", "4 uniform local feedback", "5 land feedback = ocean", "6 mixed layer only"];
    const w = col(t, "equilibrium_warming_K");
    plotBars($("lab-plot"), { title: "Equilibrium warming for doubled CO₂ with one process switched off (K)", xlabel: "K",
      bars: w.map((v, i) => ({ label: labels[i], value: v ?? 0, color: i === 0 ? "#c92a2a" : i === 5 ? "#1971c2" : "#868e96",
                             text: v == null ? "no equilibrium" : v.toFixed(2) + " K" })) });   // null: a band without transport has none
    const y63 = col(t, "years_to_63pct"), y90 = col(t, "years_to_90pct");
    second.style.height = "170px";
    plotBars(second, { title: "Years to reach 63 % of the equilibrium warming (abrupt-2xCO2)", xlabel: "years", labelWidth: 250,
      bars: [{ label: "full ocean", value: y63[0] || 0, color: "#c92a2a", text: (y63[0] || "–") + " yr" },
             { label: "mixed layer only", value: y63[5] || 0, color: "#1971c2", text: (y63[5] || "–") + " yr (90 %: " + (y90[5] || "–") + " yr)" }] });
  } else if (name === "zero-emission-commitment") {
    const yr = col(t, "year");
    const stop = values.emissions_stop_year;
    plotLines($("lab-plot"), { title: "Warming relative to 1850–1900 (°C): CO₂ emissions stop after " + stop, x: yr,
      layers: [{ type: "line", y: col(t, "warming_K"), color: "#c92a2a", width: 2.5 }], vlines: [{ x: stop, label: "emissions stop" }], ylabel: "°C", ymin: 0 });
    plotLines(second, { title: "CO₂ falls (ppm, purple) while thermosteric sea level keeps rising (cm × 10, teal)", x: yr,
      layers: [{ type: "line", y: col(t, "co2_ppm"), color: "#5f3dc4", width: 2 },
               { type: "line", y: col(t, "thermosteric_sea_level_m").map(v => v * 1000), color: "#0b7285", width: 2 }], vlines: [{ x: stop }], legend: false });
  } else if (name === "ocean-depth") {
    const depth = col(t, "mixed_layer_depth_m"), kappa = col(t, "diffusivity_cm2_s"), tcr = col(t, "TCR_K");
    const depths = [...new Set(depth)];
    const palette = ["#a5d8ff", "#4dabf7", "#1864ab", "#c92a2a"];
    const layers = depths.map((dep, j) => {
      const idx = depth.map((_, i) => i).filter(i => depth[i] === dep).sort((a, b) => kappa[a] - kappa[b]);
      const mine = dep === values.mixed_layer_depths;
      return { type: "points", connect: true, x: idx.map(i => kappa[i]), y: idx.map(i => tcr[i]), color: mine ? "#c92a2a" : palette[j % 3],
               width: mine ? 3 : 2, radius: mine ? 4 : 3, label: `mixed layer ${dep} m${mine ? " (yours)" : ""}` };
    });
    plotLines($("lab-plot"), { title: "Transient climate response (TCR, K) against ocean vertical diffusivity — ECS 3 K in every case", x: kappa, layers,
      xlabel: "vertical diffusivity (cm² s⁻¹)", ylabel: "TCR (K)", legendRight: true });
    second.parentElement.hidden = true;
  }
}

// ---------- Routing and start ----------
function route() {
  const { route, params } = readHash();
  const lab = route.startsWith("lab/") ? route.slice(4) : null;
  $("policy-page").hidden = !!lab;
  $("lab-page").hidden = !lab;
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.page === (lab || "policy"));
  if (lab && labDefinition(lab)) { showLab(lab, params); return; }
  applyPolicyParams(params);
  syncPolicyControls();
  requestPolicy();
}

async function start() {
  schema = await (await fetch("/api/schema")).json();
  $("scenario").innerHTML = schema.scenarios.map(s => `<option>${s}</option>`).join("");
  $("region").innerHTML = schema.regions.map(s => `<option>${s}</option>`).join("");
  $("decline_shape").innerHTML = schema.decline_shapes.map(s => `<option>${s}</option>`).join("");
  SLIDERS.peak_year.min = schema.restart_year + 1;
  for (const k of ["land_removal_start_year", "ocean_alkalinity_start_year"]) SLIDERS[k].min = schema.restart_year;
  $("ensemble-note").textContent = `${schema.members} members sampled from the priors of ${schema.ensemble}` + (schema.constrained ? ", weighted by observed warming, CO₂, ocean heat and the carbon sinks." : ".");
  for (const div of document.querySelectorAll("#policy-page .slider")) makeSlider(div, div.dataset.key, SLIDERS[div.dataset.key], onPolicySlider);
  $("scenario").onchange = e => { state.scenario = e.target.value; syncPolicyControls(); requestPolicy(); };
  $("decline_shape").onchange = e => { state.decline_shape = e.target.value; requestPolicy(); };
  $("region").onchange = e => {
    state.region = e.target.value;
    Object.assign(state, REGION_DEFAULTS[state.region] || {});
    syncPolicyControls(); requestPolicy();
  };
  $("pathway").onchange = e => { state.pathway = e.target.checked; syncPolicyControls(); requestPolicy(); };
  for (const r of document.querySelectorAll("input[name=mode], input[name=weighting]")) {
    r.onchange = e => { state[e.target.name] = e.target.value; syncPolicyControls(); requestPolicy(); };
  }
  $("save-baseline").onclick = () => { if (last) { baseline = last; localStorage.setItem("earthbox-baseline", JSON.stringify(last)); drawPolicy(last); } };
  $("clear-baseline").onclick = () => { baseline = null; localStorage.removeItem("earthbox-baseline"); if (last) drawPolicy(last); };
  $("share").onclick = async () => {
    const url = location.href;
    try { await navigator.clipboard.writeText(url); setStatus("link copied: " + url, "ok"); } catch { setStatus("share this link: " + url, "ok"); }
  };
  window.addEventListener("hashchange", () => { if (!suppressHash) route(); });
  window.addEventListener("resize", () => { if (!$("policy-page").hidden && last) drawPolicy(last); });
  route();
}
let suppressHash = false;
start();
