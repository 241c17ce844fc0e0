// Call-center page: one search box, ranked hits, and the customer an agent is talking to (value, tier, systems, last
// transactions). Agents' keys see identifiers masked: the page shows them as the API returns them.
import { api, chips, displayName, el, formatDate, formatMoney, idOf, initKey, showError, showMessage, tierBadge } from "./app.js";

initKey();

const hitsList = document.getElementById("hits");
const customerPanel = document.getElementById("customer");
const GOLDEN_ID = /^G\d{6,}$/i;

document.getElementById("search").addEventListener("submit", async (e) => {
  e.preventDefault();
  const q = document.getElementById("q").value.trim();
  const city = document.getElementById("city").value.trim();
  if (!q) return;
  showMessage(null);
  // A golden ID names one customer exactly: open it directly (this also works against a server without search).
  if (GOLDEN_ID.test(q)) {
    hitsList.replaceChildren(el("li.empty", {}, `Golden ID ${q.toUpperCase()}`));
    await openCustomer(q.toUpperCase());
    return;
  }
  hitsList.replaceChildren(el("li.empty", {}, "Searching…"));
  try {
    const params = new URLSearchParams({ q, limit: "20" });
    if (city) params.set("city", city);
    const result = await api(`/api/customers/search?${params}`);
    renderHits(result?.hits ?? []);
  } catch (error) {
    hitsList.replaceChildren(el("li.empty", {}, "No results."));
    showError(error);
  }
});

function renderHits(hits) {
  if (hits.length === 0) {
    hitsList.replaceChildren(el("li.empty", {}, "No customer matches."));
    customerPanel.replaceChildren(el("p.empty", {}, "Nothing to show."));
    return;
  }
  hitsList.replaceChildren(...hits.map((hit) => el("li", {},
    el("button", { type: "button", "data-golden-id": hit.goldenId, "aria-pressed": "false", onclick: (e) => select(e.currentTarget, hit.goldenId) },
      el("div.hit-name", {}, hit.name ?? "(no name)"),
      el("div.hit-line", {}, el("span.gid", {}, hit.goldenId), " · ", hit.kind ?? "", hit.matchedOn ? ` · matched on ${hit.matchedOn}` : "",
        typeof hit.score === "number" ? ` · score ${hit.score.toFixed(2)}` : ""),
      hit.address ? el("div.hit-line", {}, hit.address) : null,
      el("div.hit-line", {}, chips(hit.systems))))));
  // The best hit is usually the caller: show it at once.
  select(hitsList.querySelector("button"), hits[0].goldenId);
}

function select(button, goldenId) {
  for (const b of hitsList.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b === button));
  return openCustomer(goldenId);
}

async function openCustomer(goldenId) {
  customerPanel.replaceChildren(el("p.empty", {}, "Loading…"));
  try {
    renderCustomer(await api(`/api/customers/${encodeURIComponent(goldenId)}`));
  } catch (error) {
    customerPanel.replaceChildren(el("p.empty", {}, "Could not load the customer."));
    showError(error);
  }
}

function renderCustomer(c) {
  const f = c.fields ?? {};
  const value = c.value ?? null; // absent on servers that do not compute value yet
  const facts = [
    ["Golden ID", el("span.gid", { "data-testid": "golden-id" }, c.goldenId)],
    c.requestedId ? ["Asked for", el("span.gid", {}, `${c.requestedId} (merged into ${c.goldenId})`)] : null,
    ["Kind", c.kind],
    ["Phones", el("span.mono", { "data-testid": "phones" }, f.phones ?? f.phone ?? "—")],
    [c.kind === "organization" ? "Credit code" : "ID number", el("span.mono", { "data-testid": "national-id" }, idOf(f) ?? "—")],
    f.email ? ["E-mail", f.email] : null,
    f.birth_date ? ["Born", f.birth_date] : null,
    ["Address", f.address ?? "—"],
    ["Systems", el("span", { "data-testid": "systems" }, chips(c.systems))],
  ].filter(Boolean);

  customerPanel.replaceChildren(
    el("div.customer-head", {},
      el("span.name", { "data-testid": "customer-name" }, displayName(f) ?? "(no name)"),
      tierBadge(value?.tier)),
    el("dl.facts", {}, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    el("h3", {}, "Value"),
    value
      ? el("div.stats", { "data-testid": "value" },
          stat(formatMoney(value.lifetime), "Lifetime"),
          stat(formatMoney(value.last12Months), "Last 12 months"),
          stat(value.transactionCount ?? "—", "Transactions"),
          stat(formatDate(value.lastTransaction), "Last transaction"))
      : el("p.empty", {}, "No value computed for this customer."),
    el("h3", {}, "Records (every system and key that knows them)"),
    recordsTable(c.records ?? []),
    el("h3", {}, "Last transactions"),
    transactionsTable(c.transactions));
}

const stat = (v, label) => el("div.stat", {}, el("div.v", {}, v), el("div.l", {}, label));

function recordsTable(records) {
  if (records.length === 0) return el("p.empty", {}, "No source records.");
  return el("table", { "data-testid": "records" },
    el("thead", {}, el("tr", {}, ["System", "Key", "Name", "Phone", "ID", "Address", "Updated"].map((h) => el("th", {}, h)))),
    el("tbody", {}, records.map((r) => el("tr", {},
      el("td", {}, el("span.chip", {}, r.system)), el("td.mono", {}, r.key), el("td", {}, displayName(r.fields) ?? ""),
      el("td.mono", {}, r.fields?.phones ?? r.fields?.phone ?? ""), el("td.mono", {}, idOf(r.fields) ?? ""),
      el("td", {}, r.fields?.address ?? ""), el("td", {}, formatDate(r.updatedAt))))));
}

function transactionsTable(transactions) {
  if (!Array.isArray(transactions)) return el("p.empty", {}, "Transactions are not available from this server.");
  if (transactions.length === 0) return el("p.empty", {}, "No transactions.");
  return el("table", { "data-testid": "transactions" },
    el("thead", {}, el("tr", {}, el("th", {}, "Date"), el("th", {}, "System"), el("th", {}, "Key"), el("th.num", {}, "Amount"))),
    el("tbody", {}, transactions.map((t) => el("tr", {},
      el("td", {}, formatDate(t.date)), el("td", {}, el("span.chip", {}, t.system)), el("td.mono", {}, t.key), el("td.num", {}, formatMoney(t.amount))))));
}
