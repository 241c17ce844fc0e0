// Steward page: the review queue (in the API's order: priority), one task's two records side by side with the match
// explanation as a waterfall of weights, accept/reject, merge, split and a customer's history.
import { api, displayName, el, formatDate, initKey, showError, showMessage } from "./app.js";

initKey();

const queueList = document.getElementById("queue");
const taskPanel = document.getElementById("task");
let selectedTaskId = null;

// Canonical fields first in a familiar order; anything else after, alphabetically.
const FIELD_ORDER = ["name", "family_name", "given_name", "national_id", "credit_code", "phones", "phone", "email", "birth_date", "gender",
  "address", "postcode", "city", "state"];

// After an action (quiet) a queue that fails to load must not replace the message saying what the action did.
async function loadQueue({ quiet = false } = {}) {
  try {
    const result = await api("/api/reviews?limit=50");
    renderQueue(result?.tasks ?? []);
  } catch (error) {
    queueList.replaceChildren(el("li.empty", {}, quiet ? `The queue could not be loaded: ${error.message}` : "The queue could not be loaded."));
    if (!quiet) showError(error);
  }
}

function renderQueue(tasks) {
  document.getElementById("queue-count").textContent = `(${tasks.length})`;
  if (tasks.length === 0) {
    queueList.replaceChildren(el("li.empty", {}, "Nothing to review."));
    return;
  }
  queueList.replaceChildren(...tasks.map((t) => el("li", {},
    el("button", { type: "button", "data-task-id": t.taskId, "aria-pressed": String(t.taskId === selectedTaskId), onclick: () => selectTask(t) },
      el("div.hit-name", {}, `${displayName(t.recordA?.fields) ?? "?"}  ↔  ${displayName(t.recordB?.fields) ?? "?"}`),
      el("div.hit-line", {}, `#${t.taskId} · priority ${fmt(t.priority)} · p = ${pct(t.probability)} · ${t.reason ?? ""}`),
      el("div.hit-line", {}, el("span.gid", {}, t.goldenA), " vs ", el("span.gid", {}, t.goldenB))))));
}

const fmt = (n, digits = 2) => (typeof n === "number" ? n.toFixed(digits) : "—");
const pct = (p) => (typeof p === "number" ? `${(p * 100).toFixed(1)} %` : "—");
const signed = (n) => (n > 0 ? "+" : "") + n.toFixed(2);

function selectTask(task) {
  selectedTaskId = task.taskId;
  for (const b of queueList.querySelectorAll("button")) b.setAttribute("aria-pressed", String(Number(b.dataset.taskId) === task.taskId));
  const note = el("textarea", { placeholder: "Note (optional)", "aria-label": "Decision note" });
  const decide = (verb) => async () => {
    try {
      const result = await api(`/api/reviews/${task.taskId}/${verb}`, { method: "POST", body: { note: note.value.trim() || null } });
      const ids = (result?.goldenIds ?? []).join(", ");
      showMessage(verb === "accept"
        ? `Accepted task #${task.taskId}: the records are one customer, golden ID ${ids}.`
        : `Rejected task #${task.taskId}: the records stay different customers, golden IDs ${ids}.`, "ok");
      selectedTaskId = null;
      taskPanel.replaceChildren(el("p.empty", {}, "Select a task to see both records and the evidence."));
      await loadQueue({ quiet: true });
    } catch (error) { showError(error); }
  };
  taskPanel.replaceChildren(
    el("h2", {}, `Task #${task.taskId}: `, el("span.prob", {}, pct(task.probability)), el("span.muted", {}, `  ${task.reason ?? ""}`)),
    compareTable(task),
    el("h3", {}, "Why: the weights of evidence"),
    waterfall(task.explanation),
    el("div.actions", {}, note,
      el("button.good", { type: "button", "data-action": "accept", onclick: decide("accept") }, "Accept: same customer"),
      el("button.bad", { type: "button", "data-action": "reject", onclick: decide("reject") }, "Reject: different customers")));
}

function compareTable(task) {
  const a = task.recordA ?? {}, b = task.recordB ?? {};
  const keys = new Set([...Object.keys(a.fields ?? {}), ...Object.keys(b.fields ?? {})]);
  const ordered = [...FIELD_ORDER.filter((k) => keys.has(k)), ...[...keys].filter((k) => !FIELD_ORDER.includes(k)).sort()];
  const row = (label, va, vb, compare = true) => {
    const differs = compare && (va ?? "") !== (vb ?? "");
    return el(differs ? "tr.diff" : "tr", {}, el("th", {}, label), el(differs ? "td.diff" : "td", {}, va ?? "—"), el(differs ? "td.diff" : "td", {}, vb ?? "—"));
  };
  return el("table.compare", { "data-testid": "compare" },
    el("thead", {}, el("tr", {}, el("th", {}, ""),
      el("th", {}, `${a.system ?? "?"} / ${a.key ?? "?"} (${task.goldenA})`),
      el("th", {}, `${b.system ?? "?"} / ${b.key ?? "?"} (${task.goldenB})`))),
    el("tbody", {}, ordered.map((k) => row(k, a.fields?.[k], b.fields?.[k])), row("updated", formatDate(a.updatedAt), formatDate(b.updatedAt), false)));
}

/**
 * The explanation as a waterfall: the prior weight, then each comparison's weight (bits) as a bar from the running total
 * before it to the running total after it (green right for evidence for a match, red left against), then the total.
 * Comparisons that weigh nothing (a value missing) are listed without a bar.
 */
function waterfall(x) {
  if (!x) return el("p.empty", {}, "No explanation for this task.");
  const steps = [{ label: "Prior (before any evidence)", detail: "how rare a match is among candidate pairs", weight: x.priorWeight ?? 0, prior: true }];
  for (const c of x.comparisons ?? []) {
    const tf = typeof c.termFrequencyAdjustment === "number" && c.termFrequencyAdjustment !== 0 ? `, frequency ${signed(c.termFrequencyAdjustment)}` : "";
    steps.push({ label: `${c.comparison}: ${c.level}`, detail: `${c.valueA ?? "∅"} | ${c.valueB ?? "∅"}${tf}`, weight: c.weight ?? 0 });
  }
  let total = 0;
  for (const s of steps) { s.from = total; total += s.weight; s.to = total; }
  const final = typeof x.matchWeight === "number" ? x.matchWeight : total;
  const lo = Math.min(0, final, ...steps.map((s) => Math.min(s.from, s.to)));
  const hi = Math.max(0, final, ...steps.map((s) => Math.max(s.from, s.to)));
  const span = hi - lo || 1;
  const at = (v) => ((v - lo) / span) * 100;
  const zero = () => el("span.zero", { style: `left:${at(0)}%` });
  const rows = [el("div.head", {}, "Evidence"), el("div.head", {}, "Weight of evidence (bits)"), el("div.head.w", {}, "Weight"), el("div.head.sum", {}, "Total")];
  for (const s of steps) {
    const kind = s.prior ? "prior" : s.weight > 0 ? "pos" : "neg";
    const bar = s.weight === 0 ? null
      : el(`span.bar.${kind}`, { style: `left:${at(Math.min(s.from, s.to))}%;width:${(Math.abs(s.weight) / span) * 100}%`, title: `${s.label}: ${signed(s.weight)}` });
    rows.push(el("div.label", {}, s.label, el("small", { title: s.detail }, s.detail)), el("div.track", {}, zero(), bar),
      el(`div.w.${s.weight > 0 ? "pos" : s.weight < 0 ? "neg" : "none"}`, {}, s.weight === 0 ? "0" : signed(s.weight)), el("div.sum", {}, signed(s.to)));
  }
  rows.push(el("div.label.final", {}, "Match weight → probability"),
    el("div.track", {}, zero(), el("span.total-bar", { style: `left:${at(Math.min(0, final))}%;width:${(Math.abs(final) / span) * 100}%` })),
    el("div.w.final", {}, signed(final)), el("div.sum.final", { "data-testid": "final-probability" }, pct(x.probability)));
  return el("div", {},
    el("div.waterfall", { "data-testid": "waterfall" }, rows),
    x.cappedBy ? el("p.message.info", {}, `Capped: ${x.cappedBy} disagrees, so the probability was held down whatever else agrees.`) : null);
}

const byId = (id) => document.getElementById(id);
const ids = (result) => (result?.goldenIds ?? []).join(", ");

byId("merge").addEventListener("submit", async (e) => {
  e.preventDefault();
  const goldenA = byId("merge-a").value.trim().toUpperCase(), goldenB = byId("merge-b").value.trim().toUpperCase();
  try {
    const result = await api("/api/steward/merge", { method: "POST", body: { goldenA, goldenB, note: byId("merge-note").value.trim() || null } });
    showMessage(`Merged ${goldenA} and ${goldenB}: golden ID now ${ids(result)}.`, "ok");
    await loadQueue({ quiet: true });
  } catch (error) { showError(error); }
});

byId("split-load").addEventListener("submit", async (e) => {
  e.preventDefault();
  const goldenId = byId("split-id").value.trim().toUpperCase();
  const splitForm = byId("split");
  try {
    const customer = await api(`/api/customers/${encodeURIComponent(goldenId)}`);
    splitForm.dataset.goldenId = customer.goldenId;
    byId("split-records").replaceChildren(
      el("p.muted", {}, `${displayName(customer.fields) ?? ""} (${customer.goldenId}): tick the records that leave.`),
      el("table", { "data-testid": "split-records" }, el("tbody", {}, (customer.records ?? []).map((r) => el("tr", {},
        el("td", {}, el("input", { type: "checkbox", "data-system": r.system, "data-key": r.key, "aria-label": `${r.system}/${r.key}` })),
        el("td", {}, el("span.chip", {}, r.system)), el("td.mono", {}, r.key), el("td", {}, displayName(r.fields) ?? ""), el("td", {}, r.fields?.address ?? ""))))));
    splitForm.hidden = false;
  } catch (error) { splitForm.hidden = true; showError(error); }
});

byId("split").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const records = [...form.querySelectorAll("input[type=checkbox]:checked")].map((c) => ({ system: c.dataset.system, key: c.dataset.key }));
  if (records.length === 0) { showMessage("Tick at least one record to split off.", "error"); return; }
  try {
    const result = await api("/api/steward/split", { method: "POST", body: { goldenId: form.dataset.goldenId, records, note: byId("split-note").value.trim() || null } });
    showMessage(`Split ${records.map((r) => `${r.system}/${r.key}`).join(", ")} off ${form.dataset.goldenId}: golden IDs now ${ids(result)}.`, "ok");
    form.hidden = true;
    await loadQueue({ quiet: true });
  } catch (error) { showError(error); }
});

byId("history-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const goldenId = byId("history-id").value.trim().toUpperCase();
  const panel = byId("history");
  try {
    const events = await api(`/api/customers/${encodeURIComponent(goldenId)}/history`);
    const stewarded = events.some((ev) => String(ev.cause ?? "").startsWith("steward:"));
    const undo = el("button.secondary", { type: "button", "data-action": "undo", onclick: async () => {
      try {
        const result = await api("/api/steward/undo", { method: "POST", body: { goldenId } });
        showMessage(`Undid the last steward action on ${goldenId}: golden IDs now ${ids(result)}.`, "ok");
        panel.hidden = true;
        await loadQueue({ quiet: true });
      } catch (error) { showError(error); }
    } }, "Undo the last steward action");
    panel.replaceChildren(el("h2", {}, `History of ${goldenId}`), ...(stewarded ? [el("div.actions", {}, undo)] : []),
      events.length === 0 ? el("p.empty", {}, "No events.") : el("table", { "data-testid": "history" },
        el("thead", {}, el("tr", {}, ["When", "Golden ID", "Event", "Cause", "Detail", "p"].map((h) => el("th", {}, h)))),
        el("tbody", {}, events.map((ev) => el("tr", {},
          el("td", {}, String(ev.at ?? "").replace("T", " ").slice(0, 19)), el("td.gid", {}, ev.goldenId), el("td", {}, ev.kind),
          el("td", {}, ev.cause), el("td", {}, ev.detail ?? ""), el("td.num", {}, typeof ev.probability === "number" ? pct(ev.probability) : ""))))));
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  } catch (error) { panel.hidden = true; showError(error); }
});

document.addEventListener("keychange", () => { showMessage(null); loadQueue(); });
loadQueue();
