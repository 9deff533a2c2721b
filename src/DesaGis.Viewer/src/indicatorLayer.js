// Any indicator of the catalog on the map, at its own level: a village indicator colours villages, a kabupaten
// indicator colours kabupaten. Tiles come from /indicators/{code}/tiles (every area of the level, with its value,
// year and source, or has_value=false); classes are the indicator's official breaks or quantiles / equal intervals;
// areas without a value are hatched, so they cannot be mistaken for a class.
import { apiBase, getJson } from './api.js';
import { h } from './dom.js';
import { formatNumber, language, t } from './i18n.js';
import { state } from './share.js';

export const LEVELS = ['desa', 'kecamatan', 'kabupaten', 'provinsi'];
const SOURCE = 'indicator-choropleth';
export const FILL = 'indicator-fill';
export const NODATA = 'indicator-nodata';
const LINE = 'indicator-line';
const HATCH = 'desagis-nodata-hatch';
const NODATA_BASE = '#f4f4f4';

const CATEGORY_COLORS = { MANDIRI: '#1a9850', MAJU: '#91cf60', BERKEMBANG: '#fee08b', TERTINGGAL: '#fc8d59', SANGAT_TERTINGGAL: '#d73027' };
const FALLBACK_CATEGORY_COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];
// Sequential ramps, five classes: darker red is worse; green is better; blue when higher is neither.
const RAMPS = {
  higher_worse: ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'],
  higher_better: ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'],
  neutral: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
};
export const CLASS_METHODS = ['official', 'quantile', 'equal'];

/** The "code@level" value of a choice, e.g. poverty_rate@kabupaten. */
export const choiceValue = (code, level) => `${code}@${level}`;

export class IndicatorChoropleth {
  constructor(map) {
    this.map = map;
    this.catalog = [];
    this.stats = null;
    this.classes = [];
    this.request = 0;
  }

  /** Reads the catalog; without it the viewer offers only the village tile choropleths. */
  async load() {
    try {
      this.catalog = (await getJson('indicators')).indicators ?? [];
    } catch {
      this.catalog = [];
    }
  }

  /** Every catalog indicator with data on areas DesaGis holds, once per level it has data at. */
  choices() {
    const out = [];
    for (const indicator of this.catalog) {
      for (const level of LEVELS) {
        if ((indicator.coverage ?? []).some((c) => c.level === level && c.areas > 0)) out.push({ value: choiceValue(indicator.code, level), indicator, level });
      }
    }
    return out;
  }

  /** The chosen catalog indicator and level, or null when the villages' own choropleth is shown. */
  selected() {
    const [code, level] = String(state.indicator ?? '').split('@');
    if (!level) return null;
    const indicator = this.catalog.find((i) => i.code === code);
    return indicator && LEVELS.includes(level) ? { indicator, level } : null;
  }

  /** The years with values at the chosen level, newest first. */
  years(selection = this.selected()) {
    if (!selection) return [];
    return (selection.indicator.coverage ?? []).filter((c) => c.level === selection.level && c.areas > 0).map((c) => c.year);
  }

  /** The class method in use: the one chosen when it applies, else official breaks where there are any, else quantiles. */
  method(selection = this.selected()) {
    if (!selection) return null;
    const i = selection.indicator;
    if (i.kind === 'category') return 'official';
    const hasOfficial = Array.isArray(i.breaks) && i.breaks.length > 0;
    if (state.classMethod === 'official' && hasOfficial) return 'official';
    if (state.classMethod === 'quantile' || state.classMethod === 'equal') return state.classMethod;
    return hasOfficial ? 'official' : 'quantile';
  }

  /** Draws the chosen indicator (or removes the layers when none is chosen); resolves when the legend facts are in. */
  async apply(beforeId) {
    const selection = this.selected();
    const map = this.map;
    const ticket = ++this.request;
    if (!selection) {
      for (const id of [LINE, FILL, NODATA]) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
      this.stats = null;
      this.classes = [];
      this.key = null;
      return;
    }
    const { indicator, level } = selection;
    const year = this.years(selection).includes(Number(state.indicatorYear)) ? Number(state.indicatorYear) : null;
    // Opacity or filter changes re-apply the panel; the same choice keeps its layers (no flicker, no refetch).
    const key = `${indicator.code}@${level}|${year ?? ''}|${this.method(selection)}`;
    if (key === this.key && map.getSource(SOURCE)) return;
    this.key = key;
    let stats;
    try {
      stats = await getJson(`indicators/${encodeURIComponent(indicator.code)}/stats`, { level, year: year ?? undefined });
    } catch {
      stats = null;
    }
    if (ticket !== this.request) return; // another choice came meanwhile
    this.stats = stats;
    this.classes = this.buildClasses(selection, stats);
    ensureHatch(map);
    const query = new URLSearchParams({ level });
    if (year) query.set('year', String(year));
    // Braces stay literal for MapLibre to fill, so the URL is not built with URL().
    const tiles = [`${apiBase.href}indicators/${encodeURIComponent(indicator.code)}/tiles/{z}/{x}/{y}.mvt?${query}`];
    for (const id of [LINE, FILL, NODATA]) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    map.addSource(SOURCE, { type: 'vector', tiles, minzoom: 0, maxzoom: 14 });
    const before = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
    map.addLayer({
      id: NODATA, type: 'fill', source: SOURCE, 'source-layer': 'indicator', filter: ['!', ['get', 'has_value']],
      paint: { 'fill-color': NODATA_BASE, 'fill-pattern': HATCH, 'fill-opacity': 0.9 },
      metadata: { 'desagis:group': 'indicator' },
    }, before);
    map.addLayer({
      id: FILL, type: 'fill', source: SOURCE, 'source-layer': 'indicator', filter: ['==', ['get', 'has_value'], true],
      paint: { 'fill-color': this.colorExpression(selection), 'fill-opacity': 0.85 },
      metadata: { 'desagis:group': 'indicator' },
    }, before);
    map.addLayer({
      id: LINE, type: 'line', source: SOURCE, 'source-layer': 'indicator',
      paint: { 'line-color': level === 'desa' ? '#8a8a8a' : '#333333', 'line-width': level === 'desa' ? 0.4 : 1.2 },
      metadata: { 'desagis:group': 'indicator' },
    }, before);
  }

  /** Classes as { color, from, to } (numbers) or { color, value } (categories), lowest or worst first. */
  buildClasses({ indicator }, stats) {
    if (indicator.kind === 'category') {
      return (indicator.categories ?? []).map((value, i) => ({ value, color: CATEGORY_COLORS[value] ?? FALLBACK_CATEGORY_COLORS[i % FALLBACK_CATEGORY_COLORS.length] }));
    }
    const ramp = RAMPS[indicator.direction] ?? RAMPS.neutral;
    const method = this.method({ indicator });
    let breaks;
    if (method === 'official') breaks = indicator.breaks;
    else if (method === 'equal' && stats?.min !== null && stats?.max !== null && stats?.max > stats?.min) {
      breaks = [1, 2, 3, 4].map((k) => stats.min + ((stats.max - stats.min) * k) / 5);
    } else breaks = stats?.quantiles ?? [];
    breaks = [...new Set((breaks ?? []).filter(Number.isFinite))].sort((a, b) => a - b);
    const colors = breaks.length + 1 === ramp.length ? ramp : pick(ramp, breaks.length + 1);
    const labels = method === 'official' ? indicator.breakLabels : null;
    return colors.map((color, i) => ({ color, from: i === 0 ? null : breaks[i - 1], to: i < breaks.length ? breaks[i] : null, label: labels?.[i] ?? null }));
  }

  colorExpression({ indicator }) {
    if (indicator.kind === 'category') {
      const pairs = this.classes.flatMap((c) => [c.value, c.color]);
      return pairs.length ? ['match', ['get', 'value_text'], ...pairs, NODATA_BASE] : NODATA_BASE;
    }
    if (this.classes.length === 1) return this.classes[0].color;
    const steps = this.classes.slice(1).flatMap((c) => [c.from, c.color]);
    return ['step', ['to-number', ['get', 'value']], this.classes[0].color, ...steps];
  }

  /** The indicator's name in the viewer's language, with its level. */
  title(selection = this.selected()) {
    if (!selection) return '';
    const name = selection.indicator.name?.[language()] ?? selection.indicator.name?.id ?? selection.indicator.code;
    return `${name} (${t(`level.${selection.level}`)})`;
  }

  /** Legend facts: year(s), sources and coverage of what is drawn. */
  facts() {
    const selection = this.selected();
    if (!selection || !this.stats) return [];
    const s = this.stats;
    const years = s.year ? [s.year] : s.years ?? [];
    const yearText = years.length === 0 ? t('value.none') : years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]} (${t('indicator.latestPerArea')})`;
    const unit = selection.indicator.unit && selection.indicator.unit !== '%' ? [{ key: 'unit', text: `${t('indicator.unit')}: ${selection.indicator.unit}` }] : [];
    return [
      ...unit,
      { key: 'year', text: `${t('indicator.year')}: ${yearText}` },
      { key: 'source', text: `${t('indicator.source')}: ${(s.sources ?? []).join('; ') || t('value.none')}` },
      { key: 'coverage', text: t('indicator.coverage', { n: formatNumber(s.areas), total: formatNumber(s.total), level: t(`levels.${selection.level}`) }) },
    ];
  }

  /** Legend rows: one per class, then the hatched no-data class. */
  legendEntries() {
    const selection = this.selected();
    if (!selection) return [];
    // Only a percent sign goes beside each number; other units are named once, in the facts below.
    const unit = selection.indicator.unit === '%' ? ' %' : '';
    const digits = (v) => (Math.abs(v) < 10 && !Number.isInteger(v) ? (Math.abs(v) < 1 ? 4 : 2) : Number.isInteger(v) ? 0 : 1);
    const fmt = (v) => `${formatNumber(v, digits(v))}${unit}`;
    const entries = this.classes.map((c) => {
      if (c.value !== undefined) return { color: c.color, shape: 'fill', label: t(`idm.${c.value}`) === `idm.${c.value}` ? c.value : t(`idm.${c.value}`) };
      const range = c.from === null && c.to === null ? t('legend.all')
        : c.from === null ? `< ${fmt(c.to)}` : c.to === null ? `≥ ${fmt(c.from)}` : `${fmt(c.from)} – < ${fmt(c.to)}`;
      const name = c.label ? (t(`idm.${c.label}`) === `idm.${c.label}` ? c.label : t(`idm.${c.label}`)) : null;
      return { color: c.color, shape: 'fill', label: name ? `${name} (${range})` : range };
    });
    entries.push({ color: NODATA_BASE, shape: 'hatch', label: t('legend.nodata') });
    return entries;
  }
}

function pick(ramp, n) {
  if (n <= 1) return [ramp[ramp.length - 1]];
  return Array.from({ length: n }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (n - 1))]);
}

/** A grey diagonal hatch: no data looks like no class at all. */
function ensureHatch(map) {
  if (map.hasImage(HATCH)) return;
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size === 0 || (x + y) % size === size - 1;
      const o = (y * size + x) * 4;
      const v = onLine ? 120 : 244;
      data.set([v, v, v, 255], o);
    }
  }
  map.addImage(HATCH, { width: size, height: size, data });
}

/** The figures of an area as a definition list: value, year and source; inherited ones name the wider area. */
export function figureList(figures) {
  if (!figures) return h('p', { class: 'muted' }, t('popup.loadingFigures'));
  if (figures.length === 0) return h('p', { class: 'muted' }, t('popup.noFigures'));
  return h('dl', { class: 'figures' }, figures.flatMap((f) => {
    const name = f.name?.[language()] ?? f.name?.id ?? f.indicator;
    const value = f.valueText ? (t(`idm.${f.valueText}`) === `idm.${f.valueText}` ? f.valueText : t(`idm.${f.valueText}`))
      : `${formatNumber(f.value, Number.isInteger(f.value) ? 0 : f.value < 1 ? 4 : 2)}${f.unit ? (f.unit === '%' ? ' %' : ` ${f.unit}`) : ''}`;
    const provenance = `${f.year}${f.period ? ` (${f.period})` : ''} · ${f.source}`;
    return [
      h('dt', { 'data-indicator': f.indicator }, name),
      h('dd', { 'data-indicator': f.indicator, 'data-inherited': String(Boolean(f.inherited)) },
        h('span', { class: 'figure-value' }, value),
        h('span', { class: 'figure-source muted' }, ` ${provenance}`),
        f.inherited ? h('span', { class: 'figure-inherited' }, ` ${t('popup.inherited', { level: t(`level.${f.level}`), name: f.fromNama ?? f.fromKode })}`) : null),
    ];
  }));
}
