// The operators' review console: a static page over the admin REST API, with the same token and the same owner checks.
const API = {
  token: '/api/auth/token',
  refresh: '/api/auth/refresh',
  claim: '/api/review/claims',
  items: '/api/review/items',
  item: id => `/api/review/items/${id}`,
  decide: id => `/api/review/items/${id}/decision`,
  video: id => `/api/videos/${id}`,
  media: id => `/api/videos/${id}/media`,
  pack: (name, version) => `/api/rule-packs/${encodeURIComponent(name)}/${version}`,
  jobs: '/api/jobs',
  jobEvents: id => `/api/jobs/${id}/events`,
};
// seconds of transcript shown either side of a finding
const CONTEXT_MS = 15000;
// more stretches than this in a lane (speech, cues) are drawn merged per pixel
const LANE_RECTANGLES = 2000;

const $ = selector => document.querySelector(selector);
const session = {
  get access() { return sessionStorage.getItem('access'); },
  get refresh() { return sessionStorage.getItem('refresh'); },
  get user() { return sessionStorage.getItem('user'); },
  store(tokens, user) {
    sessionStorage.setItem('access', tokens.access_token);
    sessionStorage.setItem('refresh', tokens.refresh_token);
    if (user) sessionStorage.setItem('user', user);
  },
  clear() { sessionStorage.clear(); },
};
let current = null;          // the item on screen
let jobStreams = [];         // AbortControllers of the jobs view's progress streams
let jobsRefresh = null;      // the jobs view's refresh timer

// the roles claim of the access token decides which views the API will answer
function roles() {
  try {
    const payload = JSON.parse(atob(session.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload.roles || [];
  } catch (e) {
    return [];
  }
}

function say(message, error = false) {
  const status = $('#status');
  status.textContent = message || '';
  status.classList.toggle('error', error);
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
  }
}

async function api(path, { method = 'GET', body, retried = false, signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (session.access) headers.Authorization = `Bearer ${session.access}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  if (response.status === 401 && !retried && session.refresh && await refreshTokens()) {
    return api(path, { method, body, retried: true, signal });
  }
  if (response.status === 401) {
    session.clear();
    show('login');
    throw new ApiError(401, { detail: 'Your session has ended; log in again.' });
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

async function refreshTokens() {
  const response = await fetch(API.refresh, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refresh_token: session.refresh }),
  });
  if (!response.ok) return false;
  session.store(await response.json());
  return true;
}

// ---- views ----

function show(view) {
  for (const name of ['login', 'queue', 'item', 'jobs']) {
    $(`#${name}-view`).hidden = name !== view;
  }
  $('#nav').hidden = view === 'login';
  $('#nav-jobs').hidden = !roles().includes('ADMIN');
  $('#who').textContent = session.user ? `Signed in as ${session.user}` : '';
  if (view !== 'jobs') stopJobStreams();
  const heading = $(`#${view}-view h2`);
  heading.tabIndex = -1;
  heading.focus();
}

async function route() {
  if (!session.access) {
    show('login');
    $('#username').focus();
    return;
  }
  const [view, id] = location.hash.replace(/^#/, '').split('/');
  try {
    if (view === 'item' && id) await openItem(Number(id));
    else if (view === 'jobs') await openJobs();
    else await openQueue();
  } catch (e) {
    say(e.message, true);
  }
}

async function login(event) {
  event.preventDefault();
  const user = $('#username').value.trim();
  try {
    const response = await fetch(API.token, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user, password: $('#password').value }),
    });
    const data = await response.json();
    if (!response.ok) throw new ApiError(response.status, data);
    session.store(data, user);
    $('#password').value = '';
    say('');
    location.hash = '#queue';
    await route();
  } catch (e) {
    say(`Login failed: ${e.message}`, true);
  }
}

function filters() {
  const form = new FormData($('#queue-filter'));
  const query = new URLSearchParams();
  for (const key of ['project', 'rule', 'severity']) {
    const value = String(form.get(key) || '').trim();
    if (value) query.set(key, value);
  }
  return query;
}

async function openQueue() {
  show('queue');
  const query = filters();
  query.set('state', 'OPEN');
  query.delete('rule');
  query.delete('severity');
  query.set('limit', '500');
  const page = await api(`${API.items}?${query}`);
  const items = page.items;
  const rows = $('#queue-table tbody');
  rows.replaceChildren(...items.map(item => {
    const row = document.createElement('tr');
    row.className = item.severity;
    row.dataset.item = item.id;
    for (const value of [`#${item.id}`, item.videoTitle, item.ruleId, item.severity, timecode(item.startMs), item.state]) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    return row;
  }));
  $('#open-count').textContent = page.nextCursor ? `${items.length}+` : String(items.length);
}

async function claimNext(event) {
  event?.preventDefault();
  try {
    const filter = Object.fromEntries(filters());
    const item = await api(API.claim, { method: 'POST', body: filter });
    if (!item) {
      say('Nothing left to claim with these filters.');
      return;
    }
    say(`Claimed item #${item.id}; it is yours until ${new Date(item.leaseUntil).toLocaleTimeString()}.`);
    location.hash = `#item/${item.id}`;
  } catch (e) {
    say(e.message, true);
  }
}

async function openItem(id) {
  show('item');
  const item = await api(API.item(id));
  current = item;
  const video = await api(API.video(item.videoId));
  $('#item-title').textContent = `Item #${item.id}: ${item.ruleId} in “${item.videoTitle}”`;
  const finding = $('#finding');
  finding.replaceChildren();
  for (const [term, value] of [['Rule', item.ruleId], ['Severity', item.severity], ['At', `${timecode(item.startMs)} – ${timecode(item.endMs)}`],
    ['Evidence', item.evidence], ['Pack', `${item.packName} v${item.packVersion}`], ['State', item.state],
    ['Project', item.project]]) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    finding.append(dt, dd);
  }
  showTranscript(video.transcript || [], item);
  await plotTimeline(video, item);
  play(item);
}

function play(item) {
  const player = $('#player');
  // a media element cannot send the Authorization header; the media endpoint takes the token as a query parameter
  player.src = `${API.media(item.videoId)}?access_token=${encodeURIComponent(session.access)}#t=${item.startMs / 1000}`;
  player.addEventListener('loadedmetadata', () => {
    player.currentTime = item.startMs / 1000;
    player.play().catch(() => say('Press play to watch the finding.'));
  }, { once: true });
}

function showTranscript(segments, item) {
  const list = $('#transcript');
  const near = segments.filter(s => s.endMs >= item.startMs - CONTEXT_MS && s.startMs <= item.endMs + CONTEXT_MS);
  const words = matchedWords(item.evidence);
  list.replaceChildren(...near.map(segment => {
    const li = document.createElement('li');
    if (segment.endMs >= item.startMs && segment.startMs <= item.endMs) li.className = 'at';
    const time = document.createElement('time');
    time.textContent = `${timecode(segment.startMs)} `;
    li.append(time, ...highlight(segment.text, words));
    return li;
  }));
  if (near.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'No transcript near this finding.';
    list.append(li);
  }
}

// what was said (matched "гарантированного дохода"), else the quoted words of the evidence, is what the rule matched
function matchedWords(evidence) {
  const said = /matched "(.+?)"(?: \((?:phrase|near) .*\)|\))?$/.exec(String(evidence || ''));
  if (said) return [said[1]];
  const quoted = [...String(evidence || '').matchAll(/[“"]([^”"]+)[”"]/g)].map(m => m[1]);
  return quoted.filter(q => q.trim().length > 0);
}

function highlight(text, phrases) {
  if (phrases.length === 0) return [document.createTextNode(text)];
  const pattern = new RegExp(`(${phrases.map(p => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return text.split(pattern).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const mark = document.createElement('mark');
    mark.textContent = part;
    return mark;
  });
}

// an interval as [startMs, endMs], whether the API sent it as a pair or as an object
const span = interval => (Array.isArray(interval) ? interval : [interval.startMs, interval.endMs]);

async function plotTimeline(video, item) {
  const svg = $('#timeline');
  svg.replaceChildren();
  const m = video.measurements || {};
  const timeline = (m.loudness?.timeline || []).map(v => (typeof v === 'number' ? v : null));
  const durationMs = video.durationMs || timeline.length * 1000 || 1;
  const x = ms => (ms / durationMs) * 1000;
  const limits = await loudnessLimits(item);
  // the scale fits the measured levels and the limits, with a margin
  const levels = [...timeline.filter(v => v !== null), ...limits.map(l => l.value)];
  const floor = Math.floor(Math.min(-30, ...levels) - 3), ceiling = Math.ceil(Math.max(-10, ...levels) + 3);
  const y = lufs => 200 - ((Math.max(floor, Math.min(ceiling, lufs)) - floor) / (ceiling - floor)) * 190;
  const add = (tag, attributes, text) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    svg.append(node);
    return node;
  };
  for (const [ms0, ms1] of (m.black || []).map(span)) add('rect', { x: x(ms0), y: 0, width: Math.max(1, x(ms1) - x(ms0)), height: 200, fill: '#444', 'fill-opacity': .35, 'data-kind': 'black' }, 'black picture');
  for (const [ms0, ms1] of (m.flash?.failures || []).map(span)) add('rect', { x: x(ms0), y: 0, width: Math.max(1, x(ms1) - x(ms0)), height: 200, fill: '#e53935', 'fill-opacity': .35, 'data-kind': 'flash' }, 'flashes');
  add('rect', { x: x(item.startMs), y: 0, width: Math.max(2, x(item.endMs) - x(item.startMs)), height: 200, fill: '#f5a623', 'fill-opacity': .5, 'data-kind': 'finding' });
  for (const limit of limits) {
    add('line', { x1: 0, x2: 1000, y1: y(limit.value), y2: y(limit.value), stroke: '#a00', 'stroke-dasharray': '6 4', 'data-kind': 'limit' });
  }
  if (limits.length > 0) {
    add('text', { x: 4, y: y(Math.max(...limits.map(l => l.value))) - 4, 'font-size': 12, fill: '#a00' },
      `limits ${limits.map(l => l.value).join(' / ')} LUFS`);
  }
  add('text', { x: 4, y: 12, 'font-size': 11 }, `${ceiling} LUFS`);
  const points = timeline.map((v, i) => (v === null ? null : `${x(i * 1000)},${y(v)}`)).filter(Boolean);
  if (points.length > 0) add('polyline', { points: points.join(' '), fill: 'none', stroke: '#23395b', 'stroke-width': 1.5, 'data-kind': 'loudness' });
  // where people speak and what the captions show, in two lanes under the levels, on the same time axis
  lane(add, x, m.speech || [], { y: 172, fill: '#2e7d32', kind: 'speech', label: 'speech' });
  lane(add, x, (m.captions?.cues || []).map(cue => ({ startMs: cue.startMs, endMs: cue.endMs, title: (cue.lines || []).join(' / ') })),
    { y: 186, fill: '#1565c0', kind: 'cue', label: m.captions?.format ? 'captions' : 'no captions' });
  add('text', { x: 996, y: 214, 'font-size': 11, 'text-anchor': 'end' }, timecode(durationMs));
  add('text', { x: 4, y: 214, 'font-size': 11 }, '0:00');
}

// one rectangle per stretch; in a crowded lane stretches closer than a pixel are drawn as one, so 50,000 cues stay
// a light drawing
function lane(add, x, stretches, { y, fill, kind, label }) {
  const crowded = stretches.length > LANE_RECTANGLES;
  const runs = [];
  for (const stretch of stretches) {
    const [ms0, ms1] = span(stretch);
    const last = runs[runs.length - 1];
    if (crowded && last && x(ms0) - last.x1 < 1) {
      last.x1 = Math.max(last.x1, x(ms1));
      last.title = null;
    } else {
      runs.push({ x0: x(ms0), x1: x(ms1), title: stretch.title || `${timecode(ms0)}–${timecode(ms1)}` });
    }
  }
  for (const run of runs) {
    const rect = add('rect', { x: run.x0, y, width: Math.max(1, run.x1 - run.x0), height: 12, fill, 'fill-opacity': .6, 'data-kind': kind });
    if (run.title) {
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = run.title;
      rect.append(title);
    }
  }
  add('text', { x: 4, y: y + 10, 'font-size': 10, fill }, label);
}

// the pack's loudness rule draws the limit: target ± tolerance
async function loudnessLimits(item) {
  try {
    const pack = await api(API.pack(item.packName, item.packVersion));
    const rule = (pack.rules || []).find(r => r.kind === 'loudness');
    if (!rule) return [];
    return [{ label: 'max', value: rule.target + rule.tolerance }, { label: 'min', value: rule.target - rule.tolerance }];
  } catch (e) {
    return [];
  }
}

async function decide(decision) {
  if (!current) return;
  try {
    const outcome = await api(API.decide(current.id), { method: 'POST', body: { decision, comment: $('#comment').value || null } });
    $('#comment').value = '';
    const verdict = outcome?.verdict ? ` The video's verdict: ${outcome.verdict}.` : '';
    say(`Item #${current.id} ${decision.toLowerCase()}ed.${verdict}`);
    current = null;
    $('#player').pause();
    location.hash = '#queue';
  } catch (e) {
    say(e.message, true);
  }
}

async function openJobs() {
  show('jobs');
  await listJobs();
  // new sweeps appear while the view is open; running ones are followed on their progress stream
  jobsRefresh = setInterval(() => listJobs().catch(e => say(e.message, true)), 3000);
}

async function listJobs() {
  const jobs = await api(`${API.jobs}?limit=20`);
  const rows = $('#jobs-table tbody');
  const shown = new Map([...rows.children].map(row => [row.dataset.job, row]));
  // a row stays while its job's status is unchanged, and for good once its progress stream has been followed
  rows.replaceChildren(...jobs.map(job => {
    const row = shown.get(String(job.id));
    return row && (row.dataset.followed || row.dataset.status === job.status) ? row : jobRow(job);
  }));
}

function jobRow(job) {
  const row = document.createElement('tr');
  row.dataset.job = job.id;
  row.dataset.status = job.status;
  for (const value of [job.id, job.job, job.status, job.startTime ? job.startTime.replace('T', ' ').slice(0, 19) : '']) {
    const cell = document.createElement('td');
    cell.textContent = value;
    row.append(cell);
  }
  const progress = document.createElement('progress');
  progress.max = 1;
  progress.value = job.status === 'COMPLETED' ? 1 : 0;
  progress.setAttribute('aria-label', `Progress of execution ${job.id}`);
  const label = document.createElement('span');
  label.className = 'stage';
  // a sweep that ended between two refreshes is never followed: it reads as the end of a followed one would
  if (job.status === 'COMPLETED') label.textContent = ' COMPLETED 100%';
  const cell = document.createElement('td');
  cell.append(progress, label);
  row.append(cell);
  if (job.status === 'STARTED' || job.status === 'STARTING') {
    row.dataset.followed = 'yes';
    follow(job.id, row, progress, label);
  }
  return row;
}

// EventSource cannot send the token, so the stream is read with fetch and parsed as server-sent events
async function follow(id, row, progress, label) {
  const controller = new AbortController();
  jobStreams.push(controller);
  try {
    const response = await fetch(API.jobEvents(id), {
      headers: { Authorization: `Bearer ${session.access}`, Accept: 'text/event-stream' }, signal: controller.signal,
    });
    if (!response.ok) throw new ApiError(response.status, null);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
        if (!data) continue;
        const update = JSON.parse(data);
        progress.value = update.progress;
        label.textContent = ` ${update.stage} ${Math.round(update.progress * 100)}%`;
        // the last event names how the job ended
        if (update.finished) row.children[2].textContent = update.stage;
      }
    }
  } catch (e) {
    if (e.name !== 'AbortError') say(`Progress of execution ${id}: ${e.message}`, true);
  }
}

function stopJobStreams() {
  clearInterval(jobsRefresh);
  jobStreams.forEach(c => c.abort());
  jobStreams = [];
}

function timecode(ms) {
  const s = Math.floor((ms || 0) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// keyboard shortcuts: N claim next (queue), C/R/E decide, Esc back (item); never while typing
function shortcuts(event) {
  if (event.target.closest('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key.toLowerCase();
  if (!$('#queue-view').hidden && key === 'n') claimNext(event);
  if (!$('#item-view').hidden) {
    const decision = { c: 'CONFIRM', r: 'REJECT', e: 'ESCALATE' }[key];
    if (decision) { event.preventDefault(); decide(decision); }
    if (key === 'escape') location.hash = '#queue';
  }
}

$('#login-form').addEventListener('submit', login);
$('#queue-filter').addEventListener('submit', claimNext);
$('#logout').addEventListener('click', () => { session.clear(); location.hash = ''; route(); });
$('#back').addEventListener('click', () => { location.hash = '#queue'; });
for (const button of document.querySelectorAll('[data-decision]')) {
  button.addEventListener('click', () => decide(button.dataset.decision));
}
document.addEventListener('keydown', shortcuts);
window.addEventListener('hashchange', route);
route();
