// The plan panel: area, criteria with weight sliders, constraints and method; runs POST /planner/runs, draws the
// pilots with their reach, lists them with explanation bars and robustness, pins villages by hand, saves
// scenarios and compares two of them on the map.
import { apiKey, getJson, postJson, setApiKey } from './api.js';
import { $, h, replaceChildren } from './dom.js';
import { formatNumber, language, onLanguageChange, t } from './i18n.js';
import { IDM_STATUSES, villageFillLayers } from './mapStyle.js';
import { COMPARE_A_COLOR, COMPARE_B_COLOR, PILOT_COLOR, PINNED_COLOR, PlanOverlay, REACH_COLOR } from './planOverlay.js';
import { state, writeHash } from './share.js';

/** The criteria offered, with their starting weights; "partner" is sent as partner_gap or partner_synergy. */
const CRITERIA = [
  { id: 'poverty_rate', weight: 3 },
  { id: 'extreme_poor', weight: 2 },
  { id: 'idm_score', weight: 2 },
  { id: 'partner', weight: 1 },
  { id: 'transmigration', weight: 1 },
  { id: 'distance_to_seat', weight: 0 },
  { id: 'population', weight: 0 },
];

export const CRITERION_COLORS = {
  poverty_rate: '#c2255c', extreme_poor: '#7048e8', idm_score: '#2f9e44', idm_status: '#2f9e44',
  partner_gap: '#1971c2', partner_synergy: '#1098ad', transmigration: '#e8590c', distance_to_seat: '#5c940d',
  distance_to_point: '#5c940d', population: '#495057',
};

export class Planner {
  constructor(map, status) {
    this.map = map;
    this.status = status;
    this.overlay = new PlanOverlay(map);
    this.form = {
      area: 'view', method: 'ranking', k: 10, radiusKm: 5, weighting: 'count', partnerMode: 'partner_gap',
      weights: Object.fromEntries(CRITERIA.map((c) => [c.id, c.weight])),
      idmStatus: new Set(), minPoverty: '', maxPerKecamatan: '', minDistanceKm: '',
    };
    this.pins = new Map(); // kode → nama
    this.run = null;
    this.previous = null;
    this.effect = null;
    this.scenarios = [];
    this.comparison = null;
    this.scenario = null;
    this.error = null;
    this.busy = false;
    this.pinListeners = [];
    this.drawnListeners = [];
    this.areas = { kabupaten: new Map(), kecamatan: new Map() };
    this.root = $('#panel-plan-body');
    onLanguageChange(() => { this.render(); this.relabelWarnings(); });
    map.on('idle', () => this.collectAreas());
  }

  onPinsChanged(fn) { this.pinListeners.push(fn); }
  onDrawn(fn) { this.drawnListeners.push(fn); }
  drawn() { for (const fn of this.drawnListeners) fn(); }

  /** Legend entries for what the plan overlay draws right now. */
  legendEntries() {
    if (this.comparison) {
      return [
        { color: COMPARE_A_COLOR, shape: 'ring', label: `A: ${this.comparison.a?.name ?? ''}` },
        { color: COMPARE_B_COLOR, shape: 'circle', label: `B: ${this.comparison.b?.name ?? ''}` },
      ];
    }
    if (!this.run) return [];
    const entries = [{ color: PILOT_COLOR, shape: 'circle', label: t('legend.pilot') }];
    if (this.run.selected.some((p) => p.pinned)) entries.push({ color: PINNED_COLOR, shape: 'circle', label: t('legend.pinned') });
    if (this.radiusOf(this.run) > 0) entries.push({ color: REACH_COLOR, shape: 'line', label: t('legend.reach', { km: formatNumber(this.radiusOf(this.run), 1) }) });
    return entries;
  }
  isPinned(kode) { return this.pins.has(kode); }
  pilotInfo(kode) { return this.run?.selected?.find((p) => p.kode === kode) ?? null; }

  /** Pins or unpins a village and, when a plan is shown, runs it again so the effect is visible at once. */
  async togglePin(kode, nama) {
    if (this.pins.has(kode)) this.pins.delete(kode); else this.pins.set(kode, nama ?? kode);
    for (const fn of this.pinListeners) fn();
    this.render();
    if (this.run) await this.execute();
  }

  /** Kabupaten and kecamatan of the villages loaded in the map, to choose the plan's area from. */
  collectAreas() {
    const layer = villageFillLayers(this.map)[0];
    if (!layer) return;
    let changed = false;
    for (const f of this.map.querySourceFeatures(layer.source, { sourceLayer: layer['source-layer'] })) {
      const p = f.properties;
      if (p.kabupaten_kode && !this.areas.kabupaten.has(p.kabupaten_kode)) { this.areas.kabupaten.set(p.kabupaten_kode, p.kabupaten_nama ?? p.kabupaten_kode); changed = true; }
      if (p.kecamatan_kode && !this.areas.kecamatan.has(p.kecamatan_kode)) { this.areas.kecamatan.set(p.kecamatan_kode, p.kecamatan_nama ?? p.kecamatan_kode); changed = true; }
    }
    if (changed && !this.root.contains(document.activeElement)) this.render();
  }

  /** The request for POST /planner/runs, as docs/planner.md of the planner describes it. */
  request() {
    const f = this.form;
    const criteria = [];
    for (const c of CRITERIA) {
      const weight = Number(f.weights[c.id]);
      if (!(weight > 0)) continue;
      criteria.push({ criterion: c.id === 'partner' ? f.partnerMode : c.id, weight });
    }
    const area = {};
    if (f.area === 'view') {
      const b = this.map.getBounds();
      const [w, s, e, n] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => Number(v.toFixed(6)));
      area.polygon = `POLYGON((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s}))`;
    } else if (f.area.startsWith('kab:')) area.kabupaten = [f.area.slice(4)];
    else if (f.area.startsWith('kec:')) area.kecamatan = [f.area.slice(4)];
    const constraints = {};
    if (f.idmStatus.size) constraints.idmStatus = [...f.idmStatus];
    if (f.minPoverty !== '') constraints.thresholds = [{ criterion: 'poverty_rate', min: Number(f.minPoverty) }];
    if (f.maxPerKecamatan !== '') constraints.maxPerKecamatan = Number(f.maxPerKecamatan);
    if (f.minDistanceKm !== '') constraints.minDistanceKm = Number(f.minDistanceKm);
    return {
      method: f.method,
      k: Number(f.k),
      criteria,
      area,
      constraints,
      reach: { radiusKm: Number(f.radiusKm), weighting: f.weighting },
      pins: { include: [...this.pins.keys()], exclude: [] },
      robustness: { draws: 100, perturbation: 0.2, seed: 42 },
      runnersUp: 5,
    };
  }

  async execute() {
    const body = this.request();
    if (body.criteria.length === 0) {
      this.error = t('plan.noWeights');
      this.render();
      return;
    }
    this.busy = true;
    this.error = null;
    this.render();
    try {
      const run = await postJson(`planner/runs?lang=${language()}`, body);
      this.previous = this.run;
      this.effect = this.previous ? difference(this.previous, run) : null;
      this.scenario = null;
      this.show(run);
    } catch (error) {
      this.error = this.explain(error);
    } finally {
      this.busy = false;
      this.render();
    }
  }

  /**
   * The server writes a run's warnings in the language asked for; after a language switch the same parameters are run
   * again (the planner is deterministic) and only the warnings are taken over.
   */
  async relabelWarnings() {
    const run = this.run;
    if (!run || this.scenario || !(run.warnings ?? []).length || !run.parameters) return;
    try {
      const again = await postJson(`planner/runs?lang=${language()}`, run.parameters);
      if (this.run !== run) return;
      run.warnings = again.warnings;
      this.render();
    } catch {
      // The list keeps its warnings in the previous language; the next run is in the new one.
    }
  }

  /** Draws a run and lists it. */
  show(run) {
    this.run = run;
    this.comparison = null;
    this.overlay.showComparison(null, null);
    this.overlay.showRun(run, this.radiusOf(run));
    this.status(t('plan.done', { n: run.selected?.length ?? 0 }));
    this.render();
    this.drawn();
  }

  radiusOf(run) {
    return Number(run?.parameters?.reach?.radiusKm ?? this.form.radiusKm ?? 0);
  }

  zoomToRun() {
    const bounds = PlanOverlay.bounds(this.run?.selected ?? []);
    if (bounds) this.map.fitBounds(bounds, { padding: 100, maxZoom: 12, duration: 0 });
  }

  async save(name, author) {
    if (!this.run) return;
    try {
      const scenario = await postJson('planner/scenarios', { name, author: author || undefined, runId: this.run.id });
      this.scenario = scenario;
      state.scenario = String(scenario.id);
      state.compare = '';
      writeHash();
      this.status(t('plan.saved', { name: scenario.name }));
      await this.loadScenarioList();
    } catch (error) {
      this.error = this.explain(error);
      this.render();
    }
  }

  /** The message for a failed request; a missing or wrong key says what to do. */
  explain(error) {
    if (error.status === 401) return t('plan.needKey');
    if (error.status === 403) return t('plan.wrongKey');
    return error.message;
  }

  async loadScenarioList() {
    try {
      const list = await getJson('planner/scenarios', { limit: 100 });
      this.scenarios = list.scenarios ?? [];
    } catch {
      this.scenarios = [];
    }
    this.render();
  }

  /** Loads a saved scenario onto the map (as the URL's s= asks). */
  async loadScenario(id) {
    try {
      const scenario = await getJson(`planner/scenarios/${encodeURIComponent(id)}`);
      this.scenario = scenario;
      this.effect = null;
      this.previous = null;
      this.fillForm(scenario.parameters ?? scenario.result?.parameters);
      this.show(scenario.result);
      state.scenario = String(scenario.id);
      writeHash();
    } catch (error) {
      this.error = t('plan.scenarioMissing', { id, reason: error.message });
      this.render();
    }
  }

  async compare(a, b) {
    try {
      const [comparison, sa, sb] = await Promise.all([
        getJson('planner/scenarios/compare', { a, b }),
        getJson(`planner/scenarios/${encodeURIComponent(a)}`),
        getJson(`planner/scenarios/${encodeURIComponent(b)}`),
      ]);
      this.comparison = { ...comparison, scenarioA: sa, scenarioB: sb };
      this.run = null;
      this.overlay.showRun(null, 0);
      this.overlay.showComparison(sa, sb);
      state.scenario = String(a);
      state.compare = String(b);
      writeHash();
      this.status(t('compare.done'));
      this.drawn();
    } catch (error) {
      this.error = error.message;
    }
    this.render();
  }

  /** Puts a scenario's parameters back into the form, so it can be changed and run again. */
  fillForm(p) {
    if (!p) return;
    const f = this.form;
    f.method = p.method ?? f.method;
    f.k = p.k ?? f.k;
    f.radiusKm = p.reach?.radiusKm ?? f.radiusKm;
    f.weighting = p.reach?.weighting ?? f.weighting;
    for (const c of CRITERIA) f.weights[c.id] = 0;
    for (const c of p.criteria ?? []) {
      if (c.criterion === 'partner_gap' || c.criterion === 'partner_synergy') { f.weights.partner = c.weight; f.partnerMode = c.criterion; }
      else if (c.criterion in f.weights) f.weights[c.criterion] = c.weight;
    }
    f.idmStatus = new Set(p.constraints?.idmStatus ?? []);
    f.maxPerKecamatan = p.constraints?.maxPerKecamatan ?? '';
    f.minDistanceKm = p.constraints?.minDistanceKm ?? '';
    f.minPoverty = p.constraints?.thresholds?.find((x) => x.criterion === 'poverty_rate')?.min ?? '';
    if (p.area?.kabupaten?.length === 1) f.area = `kab:${p.area.kabupaten[0]}`;
    else if (p.area?.kecamatan?.length === 1) f.area = `kec:${p.area.kecamatan[0]}`;
    this.pins = new Map((p.pins?.include ?? []).map((k) => [k, k]));
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  render() {
    const focused = document.activeElement?.id;
    replaceChildren(this.root,
      this.formView(),
      this.error ? h('p', { class: 'error', role: 'alert' }, this.error) : null,
      this.run ? this.resultView() : null,
      this.comparison ? this.comparisonView() : null,
      this.scenarioView());
    // Re-rendering replaces the controls; keep the keyboard where it was.
    if (focused) document.getElementById(focused)?.focus();
  }

  formView() {
    const f = this.form;
    const number = (id, key, label, attrs = {}) => h('div', { class: 'field field-inline' },
      h('label', { for: id }, label),
      h('input', { id, type: 'number', value: f[key], ...attrs, onchange: (e) => { f[key] = e.target.value; } }));
    const areaOptions = [
      h('option', { value: 'view', selected: f.area === 'view' }, t('plan.area.view')),
      this.areas.kabupaten.size ? h('optgroup', { label: t('place.kabupaten') },
        [...this.areas.kabupaten].sort((a, b) => a[1].localeCompare(b[1]))
          .map(([kode, nama]) => h('option', { value: `kab:${kode}`, selected: f.area === `kab:${kode}` }, `${nama} (${kode})`))) : null,
      this.areas.kecamatan.size ? h('optgroup', { label: t('place.kecamatan') },
        [...this.areas.kecamatan].sort((a, b) => a[1].localeCompare(b[1]))
          .map(([kode, nama]) => h('option', { value: `kec:${kode}`, selected: f.area === `kec:${kode}` }, `${nama} (${kode})`))) : null,
    ];
    return h('form', { class: 'plan-form', onsubmit: (e) => { e.preventDefault(); this.execute(); } },
      h('div', { class: 'field' },
        h('label', { for: 'plan-area' }, t('plan.area')),
        h('select', { id: 'plan-area', onchange: (e) => { f.area = e.target.value; } }, areaOptions)),
      h('fieldset', { class: 'criteria' }, h('legend', {}, t('plan.criteria')),
        CRITERIA.map((c) => this.criterionRow(c))),
      h('fieldset', { class: 'constraints' }, h('legend', {}, t('plan.constraints')),
        h('fieldset', { class: 'idm-set' }, h('legend', {}, t('plan.idmStatus')),
          IDM_STATUSES.map((s) => h('label', { class: 'check' },
            h('input', { type: 'checkbox', value: s, checked: f.idmStatus.has(s),
              onchange: (e) => { if (e.target.checked) f.idmStatus.add(s); else f.idmStatus.delete(s); } }),
            t(`idm.${s}`)))),
        number('plan-min-poverty', 'minPoverty', t('plan.minPoverty'), { min: 0, max: 100, step: 1 }),
        number('plan-max-per-kecamatan', 'maxPerKecamatan', t('plan.maxPerKecamatan'), { min: 1, max: 100, step: 1 }),
        number('plan-min-distance', 'minDistanceKm', t('plan.minDistance'), { min: 0, max: 200, step: 0.5 })),
      h('fieldset', { class: 'method' }, h('legend', {}, t('plan.method')),
        ['ranking', 'reach'].map((m) => h('label', { class: 'check' },
          h('input', { type: 'radio', name: 'plan-method', id: `plan-method-${m}`, value: m, checked: f.method === m,
            onchange: () => { f.method = m; this.render(); } }),
          t(`plan.method.${m}`))),
        number('plan-k', 'k', t('plan.k'), { min: 1, max: 1000, step: 1, required: true }),
        number('plan-radius', 'radiusKm', t('plan.radius'), { min: 0.5, max: 200, step: 0.5, required: true }),
        f.method === 'reach' ? h('div', { class: 'field field-inline' },
          h('label', { for: 'plan-weighting' }, t('plan.weighting')),
          h('select', { id: 'plan-weighting', onchange: (e) => { f.weighting = e.target.value; } },
            ['count', 'poverty'].map((w) => h('option', { value: w, selected: f.weighting === w }, t(`plan.weighting.${w}`))))) : null),
      this.pinView(),
      h('div', { class: 'field' },
        h('label', { for: 'plan-api-key' }, t('plan.apiKey')),
        h('input', { id: 'plan-api-key', type: 'password', autocomplete: 'off', value: apiKey(),
          onchange: (e) => setApiKey(e.target.value.trim()) })),
      h('button', { type: 'submit', id: 'plan-run', class: 'primary', disabled: this.busy, 'aria-busy': this.busy ? 'true' : 'false' },
        this.busy ? t('plan.running') : t('plan.run')));
  }

  criterionRow(c) {
    const f = this.form;
    const id = `weight-${c.id}`;
    const value = f.weights[c.id];
    return h('div', { class: 'criterion' },
      h('label', { for: id }, c.id === 'partner' ? t('criterion.partner') : t(`criterion.${c.id}`)),
      c.id === 'partner' ? h('select', { id: 'plan-partner-mode', 'aria-label': t('plan.partnerMode'),
        onchange: (e) => { f.partnerMode = e.target.value; } },
      ['partner_gap', 'partner_synergy'].map((m) => h('option', { value: m, selected: f.partnerMode === m }, t(`criterion.${m}`)))) : null,
      h('input', { type: 'range', id, min: 0, max: 5, step: 0.5, value, 'aria-valuetext': formatNumber(value, 1),
        oninput: (e) => {
          f.weights[c.id] = Number(e.target.value);
          e.target.setAttribute('aria-valuetext', formatNumber(e.target.value, 1));
          e.target.nextSibling.textContent = formatNumber(e.target.value, 1);
        } }),
      h('output', { for: id, class: 'weight' }, formatNumber(value, 1)));
  }

  pinView() {
    if (this.pins.size === 0) return h('p', { class: 'muted hint' }, t('plan.pinHint'));
    return h('div', { class: 'pins' }, h('h3', {}, t('plan.pins')),
      h('ul', {}, [...this.pins].map(([kode, nama]) => h('li', {}, `${nama} (${kode}) `,
        h('button', { type: 'button', class: 'link', onclick: () => this.togglePin(kode, nama) }, t('popup.unpin'))))));
  }

  resultView() {
    const run = this.run;
    const s = run.summary ?? {};
    return h('section', { class: 'plan-result', 'aria-live': 'polite' },
      h('h3', {}, this.scenario ? t('plan.scenarioTitle', { name: this.scenario.name }) : t('plan.result')),
      h('p', { class: 'summary' }, t('plan.summary', {
        selected: s.selected ?? run.selected.length, eligible: s.eligible ?? '?', candidates: s.candidates ?? '?',
        covered: s.covered ?? 0, share: formatNumber((s.coverageShare ?? 0) * 100), radius: formatNumber(this.radiusOf(run), 1),
      })),
      run.exact ? h('p', { class: 'muted' }, t('plan.exact', { gap: formatNumber(run.exact.gapPercent, 1) })) : null,
      this.effect ? h('p', { class: 'effect' }, this.effect) : null,
      (run.warnings ?? []).length ? h('div', { class: 'warnings', role: 'alert' },
        h('strong', {}, t('plan.warnings')),
        h('ul', {}, run.warnings.map((w) => h('li', { 'data-code': w.code ?? '', 'data-criterion': w.criterion ?? '' }, w.message ?? w)))) : null,
      h('ol', { class: 'pilot-list' }, run.selected.map((p) => this.pilotItem(p))),
      (run.runnersUp ?? []).length ? h('details', { class: 'runners-up' },
        h('summary', {}, t('plan.runnersUp', { n: run.runnersUp.length })),
        h('ul', {}, run.runnersUp.map((r) => h('li', { class: 'runner-up', 'data-kode': r.kode },
          h('strong', {}, r.nama ?? r.kode), ` (${formatNumber(r.score, 2)}) — `, t(`reason.${r.reason}`), r.detail ? `: ${r.detail}` : '', ' ',
          h('button', { type: 'button', class: 'link', 'aria-pressed': this.isPinned(r.kode) ? 'true' : 'false',
            onclick: () => this.togglePin(r.kode, r.nama) }, this.isPinned(r.kode) ? t('popup.unpin') : t('popup.pin')))))) : null,
      this.scenario ? null : this.saveForm());
  }

  pilotItem(p) {
    const contributions = p.contributions ?? [];
    const label = contributions.map((c) => `${t(`criterion.${c.criterion}`)} ${formatNumber(c.contribution, 2)}`).join(', ');
    const stability = p.stability === null || p.stability === undefined ? null : Math.round(p.stability * 100);
    return h('li', { class: 'pilot', 'data-kode': p.kode },
      h('div', { class: 'pilot-head' },
        h('span', { class: 'rank' }, `${p.rank}.`),
        h('button', { type: 'button', class: 'link pilot-name', onclick: () => this.map.flyTo({ center: [p.lon, p.lat], zoom: Math.max(this.map.getZoom(), 11) }) }, p.nama ?? p.kode),
        p.pinned ? h('span', { class: 'badge' }, t('plan.pinned')) : null,
        h('span', { class: 'score', title: t('plan.score') }, formatNumber(p.score, 2))),
      h('div', { class: 'explain-bar', role: 'img', 'aria-label': t('plan.explainLabel', { list: label }) },
        contributions.filter((c) => c.contribution > 0).map((c) => h('span', {
          class: 'segment', title: `${t(`criterion.${c.criterion}`)}: ${formatNumber(c.contribution, 3)}`,
          style: { width: `${Math.max(0, c.contribution) * 100}%`, background: CRITERION_COLORS[c.criterion] ?? '#868e96' },
        }))),
      h('ul', { class: 'value-sources', 'aria-label': t('plan.sources') },
        contributions.filter((c) => c.weight > 0 || (c.source ?? 'measured') !== 'measured').map((c) => h('li', {
          class: `source source-${c.source ?? 'measured'}`, 'data-criterion': c.criterion, 'data-source': c.source ?? 'measured',
        }, `${t(`criterion.${c.criterion}`)}: ${t(`plan.source.${c.source ?? 'measured'}`, { level: c.fromLevel ?? '' })}`))),
      h('div', { class: 'pilot-meta' },
        p.rankBand ? h('span', { class: 'tie' }, t('plan.tie', { from: p.rankBand[0], to: p.rankBand[1] })) : null,
        stability === null ? null : h('span', { class: 'stability' }, t('plan.stability', { pct: stability }),
          h('meter', { min: 0, max: 100, low: 50, high: 80, optimum: 100, value: stability, 'aria-label': t('plan.stabilityLabel') })),
        p.reached !== undefined ? h('span', {}, t('plan.reached', { n: p.reached })) : null,
        h('button', { type: 'button', class: 'link', 'aria-pressed': this.isPinned(p.kode) ? 'true' : 'false',
          onclick: () => this.togglePin(p.kode, p.nama) }, this.isPinned(p.kode) ? t('popup.unpin') : t('popup.pin'))));
  }

  saveForm() {
    return h('form', { class: 'save-form', onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(e.target);
      this.save(String(data.get('name')).trim(), String(data.get('author') ?? '').trim());
    } },
    h('h3', {}, t('plan.save')),
    h('div', { class: 'field' }, h('label', { for: 'scenario-name' }, t('plan.scenarioName')),
      h('input', { id: 'scenario-name', name: 'name', required: true, maxlength: 200 })),
    h('div', { class: 'field' }, h('label', { for: 'scenario-author' }, t('plan.author')),
      h('input', { id: 'scenario-author', name: 'author', maxlength: 100 })),
    h('button', { type: 'submit', id: 'scenario-save' }, t('plan.saveButton')));
  }

  scenarioView() {
    const options = (selected) => [h('option', { value: '' }, t('compare.choose')),
      ...this.scenarios.map((s) => h('option', { value: String(s.id), selected: String(s.id) === selected },
        `${s.name} (${t(`plan.method.${s.method}`)}, ${s.pilotCount})`))];
    return h('fieldset', { class: 'scenarios' }, h('legend', {}, t('compare.title')),
      this.scenarios.length === 0 ? h('p', { class: 'muted' }, t('compare.none')) : [
        h('div', { class: 'field' }, h('label', { for: 'scenario-a' }, t('compare.a')),
          h('select', { id: 'scenario-a' }, options(state.scenario))),
        h('div', { class: 'field' }, h('label', { for: 'scenario-b' }, t('compare.b')),
          h('select', { id: 'scenario-b' }, options(state.compare))),
        h('div', { class: 'buttons' },
          h('button', { type: 'button', id: 'scenario-load', onclick: () => {
            const a = $('#scenario-a').value;
            if (a) { state.compare = ''; this.loadScenario(a); }
          } }, t('compare.load')),
          h('button', { type: 'button', id: 'scenario-compare', onclick: () => {
            const a = $('#scenario-a').value;
            const b = $('#scenario-b').value;
            if (a && b) this.compare(a, b);
            else { this.error = t('compare.needTwo'); this.render(); }
          } }, t('compare.button'))),
      ]);
  }

  comparisonView() {
    const c = this.comparison;
    const list = (items, rank) => h('ul', {}, items.map((v) => h('li', { 'data-kode': v.kode },
      `${v.nama ?? v.kode}${rank(v)}`, v.whyNotInOther ? h('span', { class: 'muted' }, ` — ${v.whyNotInOther}`) : null)));
    return h('section', { class: 'comparison', 'aria-live': 'polite' },
      h('h3', {}, t('compare.heading', { a: c.a?.name, b: c.b?.name })),
      h('p', { class: 'compare-key' },
        h('span', { class: 'swatch swatch-ring', style: { '--swatch': COMPARE_A_COLOR }, 'aria-hidden': 'true' }), ` ${c.a?.name}  `,
        h('span', { class: 'swatch swatch-circle', style: { '--swatch': COMPARE_B_COLOR }, 'aria-hidden': 'true' }), ` ${c.b?.name}`),
      h('p', {}, t('compare.covered', { a: c.coveredA ?? '?', b: c.coveredB ?? '?' })),
      h('h4', {}, t('compare.inBoth', { n: c.inBoth?.length ?? 0 })), list(c.inBoth ?? [], (v) => ` (${v.rankA} / ${v.rankB})`),
      h('h4', {}, t('compare.onlyIn', { name: c.a?.name, n: c.onlyInA?.length ?? 0 })), list(c.onlyInA ?? [], (v) => ` (${v.rankA})`),
      h('h4', {}, t('compare.onlyIn', { name: c.b?.name, n: c.onlyInB?.length ?? 0 })), list(c.onlyInB ?? [], (v) => ` (${v.rankB})`),
      (c.parameterDifferences ?? []).length ? h('details', {}, h('summary', {}, t('compare.parameters')),
        h('ul', {}, c.parameterDifferences.map((d) => h('li', {}, `${d.path}: ${JSON.stringify(d.a)} → ${JSON.stringify(d.b)}`)))) : null);
  }
}

/** What changed between two runs, in words ("+ Sungai Gampa; − Tabunganen"). */
function difference(before, after) {
  const old = new Map(before.selected.map((p) => [p.kode, p.nama]));
  const now = new Map(after.selected.map((p) => [p.kode, p.nama]));
  const added = [...now].filter(([k]) => !old.has(k)).map(([, n]) => n);
  const removed = [...old].filter(([k]) => !now.has(k)).map(([, n]) => n);
  if (!added.length && !removed.length) return t('plan.effect.none');
  return t('plan.effect', { added: added.join(', ') || '—', removed: removed.join(', ') || '—' });
}
