// Gap and overlap analysis of the published programmes (/analysis/program-gaps) as a table in the Program tab:
// villages of high need that no active programme reaches, and sectors that pile up, with a CSV for spreadsheets.
import { ApiError, apiUrl } from './api.js';
import { h, replaceChildren } from './dom.js';
import { formatNumber, language, onLanguageChange } from './i18n.js';

const TEXT = {
  id: {
    title: 'Analisis celah dan tumpang tindih',
    area: 'Wilayah (kode kabupaten atau kecamatan)',
    year: 'Tahun',
    indicator: 'Indikator kebutuhan',
    need: 'Ambang kebutuhan tinggi (kosong: seperempat terburuk)',
    run: 'Tampilkan',
    csv: 'Unduh CSV',
    summary: '{v} desa, {m} dengan data; {g} desa berkebutuhan tinggi tanpa program, {o} desa dengan program sektor sama yang tumpang tindih (ambang {t}).',
    kecamatan: 'Kecamatan', villages: 'Desa', highNeed: 'Kebutuhan tinggi', covered: 'Terjangkau', gaps: 'Celah', overlaps: 'Tumpang tindih',
    gapList: 'Desa berkebutuhan tinggi tanpa program aktif',
    overlapList: 'Desa dengan program sektor sama yang tumpang tindih',
    none: 'Tidak ada.',
  },
  en: {
    title: 'Gap and overlap analysis',
    area: 'Area (kabupaten or kecamatan code)',
    year: 'Year',
    indicator: 'Indicator of need',
    need: 'High-need threshold (empty: the worst quarter)',
    run: 'Show',
    csv: 'Download CSV',
    summary: '{v} villages, {m} with data; {g} high-need villages without a programme, {o} villages where programmes of one sector overlap (threshold {t}).',
    kecamatan: 'Kecamatan', villages: 'Villages', highNeed: 'High need', covered: 'Reached', gaps: 'Gaps', overlaps: 'Overlaps',
    gapList: 'High-need villages without an active programme',
    overlapList: 'Villages where programmes of one sector overlap',
    none: 'None.',
  },
};

const tr = (key, vars = {}) => (TEXT[language()] ?? TEXT.id)[key].replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');

export class GapTable {
  constructor(container) {
    this.container = container;
    this.query = { area: '', year: String(new Date().getFullYear()), indicator: 'idm_score', need: '' };
    this.report = null;
    this.error = '';
    onLanguageChange(() => this.render());
    this.render();
  }

  params() {
    const q = this.query;
    return { area: q.area, year: q.year, indicator: q.indicator, need: q.need, lang: language() };
  }

  async run() {
    this.error = '';
    try {
      const response = await fetch(apiUrl('analysis/program-gaps', this.params()), { headers: { Accept: 'application/json' } });
      const json = await response.json();
      if (!response.ok) throw new ApiError(response.status, json, 'analysis/program-gaps');
      this.report = json;
    } catch (e) {
      this.report = null;
      this.error = e.message;
    }
    this.render();
  }

  render() {
    const q = this.query;
    const input = (key, label, attrs = {}) => h('label', {}, label,
      h('input', { id: `gap-${key}`, value: q[key], oninput: (e) => { q[key] = e.target.value.trim(); }, ...attrs }));
    const parts = [h('h3', {}, tr('title')),
      input('area', tr('area'), { placeholder: '52.03' }), input('year', tr('year'), { type: 'number', min: 1900, max: 2200 }),
      input('indicator', tr('indicator')), input('need', tr('need'), { type: 'number', step: 'any' }),
      h('div', { class: 'registry-actions' },
        h('button', { type: 'button', id: 'gap-run', onclick: () => this.run() }, tr('run')),
        this.report ? h('a', { href: apiUrl('analysis/program-gaps', { ...this.params(), f: 'csv' }), download: '' }, tr('csv')) : null)];
    const r = this.report;
    if (r) {
      parts.push(h('p', { id: 'gap-summary' }, tr('summary', {
        v: r.villages_total, m: r.villages_measured, g: r.gaps, o: r.overlaps, t: r.threshold === null ? '—' : formatNumber(r.threshold, 3) })));
      parts.push(h('table', { class: 'gap-table' },
        h('thead', {}, h('tr', {}, [tr('kecamatan'), tr('villages'), tr('highNeed'), tr('covered'), tr('gaps'), tr('overlaps')].map((c) => h('th', {}, c)))),
        h('tbody', {}, r.by_kecamatan.map((k) => h('tr', {},
          h('td', {}, k.name ?? k.key), h('td', {}, k.villages), h('td', {}, k.high_need), h('td', {}, k.covered), h('td', {}, k.gaps), h('td', {}, k.overlaps))))));
      const gaps = r.villages.filter((v) => v.gap);
      const overlaps = r.villages.filter((v) => v.overlap);
      parts.push(h('h4', {}, tr('gapList')), gaps.length === 0 ? h('p', { class: 'muted' }, tr('none')) : h('ul', { id: 'gap-villages' },
        gaps.map((v) => h('li', { 'data-kode': v.desa_kode }, `${v.desa_nama} (${v.desa_kode}) — ${formatNumber(v.need_value, 3)} (${v.need_year})`))));
      parts.push(h('h4', {}, tr('overlapList')), overlaps.length === 0 ? h('p', { class: 'muted' }, tr('none')) : h('ul', { id: 'gap-overlaps' },
        overlaps.map((v) => h('li', { 'data-kode': v.desa_kode }, `${v.desa_nama} (${v.desa_kode}): ${v.overlap_sectors.join(', ')}`))));
    }
    if (this.error) parts.push(h('p', { class: 'registry-error', role: 'alert' }, this.error));
    replaceChildren(this.container, ...parts);
  }
}
