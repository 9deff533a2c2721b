// "Program saya": partners keep their own programmes on the map, reviewers publish them. Everything goes through
// the public API: OGC API – Features Part 4 on collections/programs and the registry's review resources.
import { ApiError, apiKey, apiUrl, authHeaders, setApiKey } from './api.js';
import { h, replaceChildren } from './dom.js';
import { GapTable } from './gaps.js';
import { language, onLanguageChange } from './i18n.js';
import './registry.css';

const TEXT = {
  id: {
    tab: 'Program',
    title: 'Program saya',
    intro: 'Mitra mencatat programnya sendiri; peninjau pemerintah menerbitkannya ke peta publik.',
    key: 'Kunci API mitra atau peninjau',
    signIn: 'Masuk',
    signOut: 'Keluar',
    asPartner: 'Masuk sebagai mitra {p}.',
    asReviewer: 'Masuk sebagai peninjau: semua program dan antrean tinjauan.',
    notRegistry: 'Kunci ini bukan kunci mitra atau peninjau.',
    mine: 'Program mitra ini',
    all: 'Dikembalikan ke mitra',
    none: 'Belum ada program.',
    add: 'Tambah program',
    edit: 'Ubah',
    end: 'Akhiri',
    endConfirm: 'Akhiri program {n}? Setelah diterbitkan, program hilang dari peta; riwayatnya tetap tersimpan.',
    nama: 'Nama program',
    sector: 'Sektor',
    start: 'Mulai',
    finish: 'Selesai',
    status: 'Status',
    budget: 'Anggaran (Rp, bila ada)',
    statuses: { planned: 'direncanakan', active: 'berjalan', completed: 'selesai', suspended: 'ditunda' },
    coverage: 'Cakupan desa',
    pick: 'Klik desa di peta',
    picking: 'Klik desa di peta untuk menambah atau melepasnya. Klik tombol lagi bila selesai.',
    stopPick: 'Selesai memilih',
    kecamatan: 'Tambah semua desa satu kecamatan atau kabupaten (kode, mis. 52.03.02)',
    addArea: 'Tambah',
    upload: 'Atau unggah berkas berisi kode desa (GeoJSON, KML, CSV)',
    chosen: '{n} desa dipilih',
    save: 'Simpan sebagai draf',
    cancel: 'Batal',
    saved: 'Program {k} tersimpan sebagai draf dan menunggu tinjauan.',
    savedPublished: 'Program {k} tersimpan dan terbit.',
    ended: 'Permintaan mengakhiri {k} menunggu tinjauan.',
    states: { draft: 'Draf — menunggu tinjauan', returned: 'Dikembalikan', published: 'Terbit', superseded: 'Diganti' },
    comment: 'Komentar peninjau',
    queue: 'Antrean tinjauan',
    queueEmpty: 'Tidak ada draf yang menunggu.',
    show: 'Lihat di peta',
    publish: 'Terbitkan',
    sendBack: 'Kembalikan',
    sendBackWhy: 'Alasan pengembalian untuk mitra',
    published: 'Program {k} terbit di peta publik.',
    returnedMsg: 'Draf {k} dikembalikan ke mitra.',
    villages: '{n} desa',
    ops: { create: 'program baru', replace: 'perubahan', update: 'perubahan', delete: 'pengakhiran', baseline: 'impor' },
    fileNone: 'Berkas ini tidak memuat kode desa.',
  },
  en: {
    tab: 'Programmes',
    title: 'My programmes',
    intro: 'Partners keep their own programmes; government reviewers publish them to the public map.',
    key: 'Partner or reviewer API key',
    signIn: 'Sign in',
    signOut: 'Sign out',
    asPartner: 'Signed in as partner {p}.',
    asReviewer: 'Signed in as a reviewer: every programme and the review queue.',
    notRegistry: 'This key is not a partner or reviewer key.',
    mine: "This partner's programmes",
    all: 'Sent back to partners',
    none: 'No programmes yet.',
    add: 'Add a programme',
    edit: 'Edit',
    end: 'End',
    endConfirm: 'End programme {n}? Once published it leaves the map; its history is kept.',
    nama: 'Programme name',
    sector: 'Sector',
    start: 'Start',
    finish: 'End',
    status: 'Status',
    budget: 'Budget (Rp, if known)',
    statuses: { planned: 'planned', active: 'active', completed: 'completed', suspended: 'suspended' },
    coverage: 'Villages covered',
    pick: 'Click villages on the map',
    picking: 'Click villages on the map to add or remove them. Click the button again when done.',
    stopPick: 'Done choosing',
    kecamatan: 'Add every village of a kecamatan or kabupaten (code, e.g. 52.03.02)',
    addArea: 'Add',
    upload: 'Or upload a file of village codes (GeoJSON, KML, CSV)',
    chosen: '{n} villages chosen',
    save: 'Save as draft',
    cancel: 'Cancel',
    saved: 'Programme {k} saved as a draft, waiting for review.',
    savedPublished: 'Programme {k} saved and published.',
    ended: 'The ending of {k} waits for review.',
    states: { draft: 'Draft — waiting for review', returned: 'Sent back', published: 'Published', superseded: 'Superseded' },
    comment: "Reviewer's comment",
    queue: 'Review queue',
    queueEmpty: 'No drafts are waiting.',
    show: 'Show on the map',
    publish: 'Publish',
    sendBack: 'Send back',
    sendBackWhy: 'Why it goes back, for the partner',
    published: 'Programme {k} is on the public map.',
    returnedMsg: 'Draft {k} went back to its partner.',
    villages: '{n} villages',
    ops: { create: 'new programme', replace: 'change', update: 'change', delete: 'ending', baseline: 'import' },
    fileNone: 'This file holds no village codes.',
  },
};

function tr(key, vars = {}) {
  const value = key.split('.').reduce((o, k) => o?.[k], TEXT[language()] ?? TEXT.id) ?? key;
  return typeof value === 'string' ? value.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '') : value;
}

const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const SELECTED = 'registry-selected';
const PREVIEW = 'registry-preview';
const PUBLISHED = 'registry-published';
const EMPTY = { type: 'FeatureCollection', features: [] };

async function call(method, path, { body, ifMatch, contentType = 'application/geo+json', params } = {}) {
  const headers = { Accept: 'application/geo+json, application/json', ...authHeaders() };
  if (body !== undefined) headers['Content-Type'] = contentType;
  if (ifMatch) headers['If-Match'] = ifMatch;
  const response = await fetch(apiUrl(path, params), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try { json = await response.json(); } catch { /* empty */ }
  if (!response.ok) throw new ApiError(response.status, json, path);
  return json;
}

/** Village codes found anywhere in a text (GeoJSON, KML, CSV): dotted, or 10 digits. */
export function villageCodesIn(text) {
  const codes = new Set();
  for (const m of text.matchAll(/(?<![\d.])(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})(?![\d.])/g)) codes.add(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`);
  return [...codes];
}

export class Registry {
  constructor(map, say) {
    this.map = map;
    this.say = say;
    this.panel = document.querySelector('#panel-registry');
    this.tab = document.querySelector('#tab-registry');
    this.me = null;
    this.programs = [];
    this.queue = [];
    this.form = null;
    this.selected = new Map();
    this.picking = false;
    this.error = '';
    // The gap analysis is public: it sits below the registry whether or not anyone is signed in.
    this.content = h('div', { class: 'registry-content' });
    this.gaps = new GapTable(h('section', { class: 'gap-analysis', id: 'gap-analysis' }));
    this.panel?.append(this.content, this.gaps.container);
    this.addLayers();
    map.on('click', (e) => this.onMapClick(e));
    onLanguageChange(() => this.render());
    this.render();
    if (apiKey()) this.signIn(apiKey());
  }

  addLayers() {
    const map = this.map;
    for (const [id, colour] of [[PUBLISHED, '#636363'], [SELECTED, '#d7301f'], [PREVIEW, '#e6550d']]) {
      if (map.getSource(id)) continue;
      map.addSource(id, { type: 'geojson', data: EMPTY });
      map.addLayer({ id: `${id}-fill`, type: 'fill', source: id, paint: { 'fill-color': colour, 'fill-opacity': 0.35 } });
      map.addLayer({ id: `${id}-line`, type: 'line', source: id, paint: { 'line-color': colour, 'line-width': 2.5, ...(id === PREVIEW ? { 'line-dasharray': [2, 1] } : {}) } });
    }
  }

  async signIn(key) {
    setApiKey(key);
    this.error = '';
    try {
      const me = await call('GET', 'me');
      const roles = me.roles ?? [];
      this.me = roles.includes('reviewer') || roles.includes('admin') ? { reviewer: true, name: me.name }
        : roles.includes('partner') && me.partner ? { reviewer: false, partner: me.partner, name: me.name } : null;
      if (!this.me) this.error = tr('notRegistry');
    } catch (e) {
      this.me = null;
      this.error = e.message;
    }
    await this.refresh();
  }

  signOut() {
    setApiKey('');
    this.me = null;
    this.form = null;
    this.programs = [];
    this.queue = [];
    this.setSelected(new Map());
    this.render();
  }

  async refresh() {
    if (this.me?.reviewer) {
      // A reviewer's lists are the drafts waiting and those sent back; the published ones are on the map.
      const [drafts, returned] = await Promise.all([
        call('GET', 'registry/programs', { params: { state: 'draft' } }), call('GET', 'registry/programs', { params: { state: 'returned' } })]);
      this.queue = drafts.features ?? [];
      this.programs = returned.features ?? [];
    } else if (this.me) {
      this.programs = (await call('GET', 'registry/programs')).features ?? [];
      this.queue = [];
    }
    this.render();
  }

  /** Reloads the public programme tiles, so a published change shows at once. */
  reloadTiles() {
    const source = this.map.getSource('desagis');
    if (source?.tiles && source.setTiles) source.setTiles(source.tiles);
  }

  onMapClick(e) {
    if (!this.picking) return;
    const hit = this.map.queryRenderedFeatures(e.point).find((f) => f.sourceLayer === 'village_indicators' && VILLAGE_CODE.test(f.properties?.kode ?? ''));
    if (!hit) return;
    const next = new Map(this.selected);
    if (next.has(hit.properties.kode)) next.delete(hit.properties.kode); else next.set(hit.properties.kode, hit.properties.nama ?? hit.properties.kode);
    this.setSelected(next);
    this.render();
  }

  async setSelected(selected) {
    this.selected = selected;
    const features = [];
    for (const kode of selected.keys()) {
      try { features.push(await call('GET', `collections/villages/items/${encodeURIComponent(kode)}`)); } catch { /* drawn without it */ }
    }
    if (this.selected === selected) this.map.getSource(SELECTED)?.setData({ type: 'FeatureCollection', features });
  }

  async addArea(code) {
    const level = code.split('.').length;
    const params = { limit: 2000, properties: 'nama', [level >= 3 ? 'kecamatan_kode' : 'kabupaten_kode']: code };
    const page = await call('GET', 'collections/villages/items', { params });
    const next = new Map(this.selected);
    for (const f of page.features ?? []) next.set(f.id, f.properties?.nama ?? f.id);
    await this.setSelected(next);
    this.render();
  }

  async addFile(file) {
    const codes = villageCodesIn(await file.text());
    if (codes.length === 0) { this.say(tr('fileNone')); return; }
    const next = new Map(this.selected);
    for (const c of codes) next.set(c, c);
    await this.setSelected(next);
    this.render();
  }

  startForm(feature) {
    const p = feature?.properties ?? {};
    this.form = { kode: feature?.id ?? null, etag: p.revision ? `"r${p.revision}"` : null, values: {
      nama: p.nama ?? '', sector: p.sector ?? '', start_date: p.start_date ?? '', end_date: p.end_date ?? '', status: p.status ?? 'active',
      budget: p.budget ?? '' } };
    this.setSelected(new Map((p.desa_kodes ?? []).map((k) => [k, k])));
    this.render();
    this.panel.querySelector('#registry-nama')?.focus();
  }

  async save() {
    const v = this.form.values;
    const properties = {
      nama: v.nama, sector: v.sector, status: v.status,
      start_date: v.start_date || null, end_date: v.end_date || null,
      budget: v.budget === '' ? null : Number(v.budget),
      desa_kodes: [...this.selected.keys()],
    };
    try {
      const saved = this.form.kode
        ? await call('PUT', `collections/programs/items/${encodeURIComponent(this.form.kode)}`, { body: { type: 'Feature', geometry: null, properties }, ifMatch: this.form.etag })
        : await call('POST', 'collections/programs/items', { body: { type: 'Feature', geometry: null, properties } });
      const published = saved.properties.state === 'published';
      this.say(tr(published ? 'savedPublished' : 'saved', { k: saved.id }));
      if (published) this.reloadTiles();
      this.form = null;
      this.picking = false;
      this.error = '';
      await this.setSelected(new Map());
      await this.refresh();
    } catch (e) {
      this.error = e.message;
      this.render();
    }
  }

  async end(feature) {
    if (!window.confirm(tr('endConfirm', { n: feature.properties.nama }))) return;
    try {
      const ended = await call('DELETE', `collections/programs/items/${encodeURIComponent(feature.id)}`, { ifMatch: `"r${feature.properties.revision}"` });
      this.say(ended.properties.state === 'published' ? tr('published', { k: feature.id }) : tr('ended', { k: feature.id }));
      if (ended.properties.state === 'published') this.reloadTiles();
      await this.refresh();
    } catch (e) { this.error = e.message; this.render(); }
  }

  async review(feature, action, comment) {
    try {
      const path = `registry/programs/${encodeURIComponent(feature.id)}/${action}`;
      await call('POST', path, { ifMatch: `"r${feature.properties.revision}"`, contentType: 'application/json', body: action === 'return' ? { comment } : undefined });
      this.map.getSource(PREVIEW)?.setData(EMPTY);
      this.map.getSource(PUBLISHED)?.setData(EMPTY);
      if (action === 'publish') this.reloadTiles();
      await this.refresh();
      this.say(tr(action === 'publish' ? 'published' : 'returnedMsg', { k: feature.id }));
    } catch (e) { this.error = e.message; this.render(); }
  }

  async preview(feature) {
    this.map.getSource(PREVIEW)?.setData({ type: 'FeatureCollection', features: feature.geometry ? [feature] : [] });
    // What the change replaces: the published version, as the public sees it (asked without the key), in grey.
    let before = null;
    try {
      const response = await fetch(apiUrl(`collections/programs/items/${encodeURIComponent(feature.id)}`), { headers: { Accept: 'application/geo+json' } });
      if (response.ok) before = await response.json();
    } catch { /* no published version to compare with */ }
    this.map.getSource(PUBLISHED)?.setData({ type: 'FeatureCollection', features: before?.geometry ? [before] : [] });
    const coords = JSON.stringify(feature.geometry?.coordinates ?? []).match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    if (coords.length < 2) return;
    const xs = coords.filter((_, i) => i % 2 === 0), ys = coords.filter((_, i) => i % 2 === 1);
    this.map.fitBounds([[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]], { padding: 60, duration: 0, maxZoom: 13 });
  }

  render() {
    if (this.tab) this.tab.textContent = tr('tab');
    if (!this.content) return;
    const parts = [h('h2', {}, tr('title')), h('p', { class: 'muted' }, tr('intro'))];
    if (!this.me) {
      let key = apiKey();
      parts.push(h('label', { for: 'registry-key' }, tr('key')),
        h('input', { id: 'registry-key', type: 'password', autocomplete: 'off', value: key, oninput: (e) => { key = e.target.value.trim(); } }),
        h('button', { type: 'button', id: 'registry-sign-in', onclick: () => this.signIn(key) }, tr('signIn')));
    } else {
      parts.push(h('p', { id: 'registry-who' }, this.me.reviewer ? tr('asReviewer') : tr('asPartner', { p: this.me.partner }),
        ' ', h('button', { type: 'button', class: 'link', onclick: () => this.signOut() }, tr('signOut'))));
      if (this.me.reviewer) parts.push(this.renderQueue());
      parts.push(this.form ? this.renderForm() : this.renderList());
    }
    if (this.error) parts.push(h('p', { class: 'registry-error', role: 'alert' }, this.error));
    replaceChildren(this.content, ...parts);
  }

  renderList() {
    const items = this.programs;
    return h('div', { class: 'registry-list' },
      h('h3', {}, tr(this.me.reviewer ? 'all' : 'mine')),
      this.me.reviewer ? null : h('button', { type: 'button', id: 'registry-add', onclick: () => this.startForm(null) }, tr('add')),
      items.length === 0 ? h('p', { class: 'muted' }, tr('none')) : h('ul', {}, items.map((f) => {
        const p = f.properties;
        return h('li', { class: `registry-item state-${p.state}`, 'data-kode': f.id },
          h('strong', {}, p.nama), ' ', h('span', { class: 'muted' }, `${f.id} · ${p.sector} · ${tr('villages', { n: p.village_count })}`),
          h('div', { class: 'registry-state' }, tr(`states.${p.state}`)),
          p.state === 'returned' && p.review_comment ? h('p', { class: 'registry-comment' }, `${tr('comment')}: ${p.review_comment}`) : null,
          this.me.reviewer ? null : h('div', { class: 'registry-actions' },
            h('button', { type: 'button', onclick: () => this.startForm(f) }, tr('edit')),
            h('button', { type: 'button', onclick: () => this.end(f) }, tr('end'))));
      })));
  }

  renderQueue() {
    return h('div', { class: 'registry-queue' },
      h('h3', {}, tr('queue')),
      this.queue.length === 0 ? h('p', { class: 'muted' }, tr('queueEmpty')) : h('ul', {}, this.queue.map((f) => {
        const p = f.properties;
        let comment = '';
        return h('li', { class: 'registry-item', 'data-kode': f.id },
          h('strong', {}, p.nama), ' ', h('span', { class: 'muted' }, `${f.id} · ${p.partner_nama} · ${tr(`ops.${p.operation}`)} · ${tr('villages', { n: p.village_count })}`),
          h('div', { class: 'registry-actions' },
            h('button', { type: 'button', onclick: () => this.preview(f) }, tr('show')),
            h('button', { type: 'button', class: 'primary registry-publish', onclick: () => this.review(f, 'publish') }, tr('publish'))),
          h('label', {}, tr('sendBackWhy'), h('textarea', { rows: 2, oninput: (e) => { comment = e.target.value; } })),
          h('button', { type: 'button', onclick: () => this.review(f, 'return', comment) }, tr('sendBack')));
      })));
  }

  renderForm() {
    const v = this.form.values;
    const field = (name, label, attrs = {}) => h('label', {}, label,
      h('input', { id: `registry-${name}`, name, value: v[name] ?? '', oninput: (e) => { v[name] = e.target.value; }, ...attrs }));
    let area = '';
    return h('form', { class: 'registry-form', onsubmit: (e) => { e.preventDefault(); this.save(); } },
      h('h3', {}, this.form.kode ? `${tr('edit')} ${this.form.kode}` : tr('add')),
      field('nama', tr('nama'), { required: true }),
      field('sector', tr('sector'), { required: true }),
      field('start_date', tr('start'), { type: 'date' }),
      field('end_date', tr('finish'), { type: 'date' }),
      h('label', {}, tr('status'), h('select', { id: 'registry-status', onchange: (e) => { v.status = e.target.value; } },
        Object.entries(tr('statuses')).map(([k, label]) => h('option', { value: k, selected: v.status === k }, label)))),
      field('budget', tr('budget'), { type: 'number', min: 0, step: 1 }),
      h('fieldset', {}, h('legend', {}, tr('coverage')),
        h('button', { type: 'button', id: 'registry-pick', 'aria-pressed': String(this.picking),
          onclick: () => { this.picking = !this.picking; this.render(); } }, this.picking ? tr('stopPick') : tr('pick')),
        this.picking ? h('p', { class: 'muted' }, tr('picking')) : null,
        h('p', { id: 'registry-chosen' }, tr('chosen', { n: this.selected.size })),
        h('ul', { class: 'registry-villages' }, [...this.selected.entries()].map(([k, n]) => h('li', { 'data-kode': k }, n === k ? k : `${n} (${k})`))),
        h('label', {}, tr('kecamatan'), h('input', { id: 'registry-area', oninput: (e) => { area = e.target.value.trim(); } })),
        h('button', { type: 'button', onclick: () => area && this.addArea(area) }, tr('addArea')),
        h('label', {}, tr('upload'), h('input', { type: 'file', accept: '.geojson,.json,.kml,.csv,.txt', onchange: (e) => e.target.files?.[0] && this.addFile(e.target.files[0]) }))),
      h('div', { class: 'registry-actions' },
        h('button', { type: 'submit', class: 'primary', id: 'registry-save' }, tr('save')),
        h('button', { type: 'button', onclick: () => { this.form = null; this.picking = false; this.setSelected(new Map()); this.render(); } }, tr('cancel'))));
  }
}
