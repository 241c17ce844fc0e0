// Shared by the Mdm pages: the API key (URL fragment or key box, kept in sessionStorage), calls to the API with it,
// messages, and a small DOM builder (text is always set as text, never parsed as HTML: the data comes from other systems).

const KEY_STORAGE = "mdm.apiKey";

/** Takes #key=… from the address (the link `mdm demo --serve` prints) into sessionStorage and out of the address bar. */
export function initKey() {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(match[1]));
    // The key should not stay visible, nor be bookmarked or shared with the link.
    history.replaceState(null, "", location.pathname + location.search);
  }
  const form = document.querySelector("form.key");
  if (!form) return;
  const input = form.querySelector("input");
  const state = form.querySelector(".key-state");
  const show = () => { state.textContent = getKey() ? "key set" : "no key"; };
  input.value = getKey() ?? "";
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const value = input.value.trim();
    if (value) sessionStorage.setItem(KEY_STORAGE, value); else sessionStorage.removeItem(KEY_STORAGE);
    show();
    form.dispatchEvent(new CustomEvent("keychange", { bubbles: true }));
  });
  show();
}

export const getKey = () => sessionStorage.getItem(KEY_STORAGE);

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

/** What a person should read for a failed call: 401 and 403 say what to do about the key. */
function explain(status, problem) {
  if (status === 401) return "The API key was not accepted (401 Unauthorized). Enter a valid key in the key box at the top right.";
  if (status === 403) return "This API key's role may not do this (403 Forbidden). Use a key with the right role (steward pages need a steward or admin key).";
  const detail = problem?.detail ?? problem?.title;
  return detail ? `${detail} (${status})` : `The server answered ${status}.`;
}

/** Calls the API with the key; answers the parsed JSON or throws an ApiError with a readable message. */
export async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  const key = getKey();
  if (key) headers["X-Api-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "The server could not be reached.");
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: the status says enough */ }
  if (!response.ok) throw new ApiError(response.status, explain(response.status, json));
  return json;
}

/** el("div.a.b", {attrs}, children…): an element; strings become text nodes. */
export function el(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split(".");
  const node = document.createElement(tag || "div");
  if (classes.length) node.className = classes.join(" ");
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Shows a message in the page's message area (kind: ok, error, info); null clears it. */
export function showMessage(text, kind = "info") {
  const area = document.getElementById("message");
  area.replaceChildren();
  if (!text) { area.hidden = true; return; }
  area.hidden = false;
  area.append(el(`div.message.${kind}`, { role: kind === "error" ? "alert" : "status" }, text));
}

export const showError = (error) => showMessage(error instanceof ApiError ? error.message : String(error), "error");

const money = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatMoney = (n) => (typeof n === "number" ? money.format(n) : "—");
export const formatDate = (s) => (s ? String(s).slice(0, 10) : "—");

/** The tier as a badge (super/large/medium/small/inactive/prospect); "unknown" when the server computes none. */
export function tierBadge(tier) {
  const t = tier ? String(tier).toLowerCase() : "unknown";
  return el(`span.tier.tier-${t}`, { "data-testid": "tier", title: "Customer tier by value" }, t);
}

export const chips = (items) => (items ?? []).map((s) => el("span.chip", {}, s));

/** The identifier a record shows: the personal ID number or, for an organization, the credit code. */
export const idOf = (fields) => fields?.national_id ?? fields?.credit_code ?? null;

/** A record's name as a person reads it: the full name, else given and family name, else the company name. */
export function displayName(fields) {
  if (!fields) return null;
  if (fields.name) return fields.name;
  const parts = [fields.given_name, fields.family_name].filter(Boolean);
  if (parts.length) return parts.join(" ");
  return fields.company_name ?? null;
}
