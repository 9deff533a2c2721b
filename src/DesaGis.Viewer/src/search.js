// Village search by name or code through GET /search, as an accessible combobox; choosing a result zooms to it
// and opens its popup.
import { getJson } from './api.js';
import { $, debounce, h, replaceChildren } from './dom.js';
import { onLanguageChange, t } from './i18n.js';

export class Search {
  constructor(map, onChoose) {
    this.map = map;
    this.onChoose = onChoose;
    this.input = $('#search-input');
    this.list = $('#search-results');
    this.status = $('#search-status');
    this.results = [];
    this.active = -1;
    this.controller = null;
    const run = debounce(() => this.query(this.input.value.trim()), 250);
    this.input.addEventListener('input', run);
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 200));
    onLanguageChange(() => this.renderList());
  }

  async query(text) {
    this.controller?.abort();
    if (text.length < 2) { this.results = []; this.close(); return; }
    this.controller = new AbortController();
    try {
      const page = await getJson('search', { q: text, limit: 10 }, this.controller.signal);
      this.results = page.features ?? [];
      this.error = null;
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.results = [];
      this.error = error;
    }
    this.active = this.results.length ? 0 : -1;
    this.renderList();
  }

  renderList() {
    if (!this.input.value.trim() || (this.results.length === 0 && !this.error && this.input.value.trim().length < 2)) {
      this.close();
      return;
    }
    const items = this.results.map((f, i) => {
      const p = f.properties ?? {};
      return h('li', {
        id: `search-option-${i}`, role: 'option', class: 'search-option', 'aria-selected': i === this.active ? 'true' : 'false',
        'data-kode': p.kode ?? f.id,
        onmousedown: (e) => { e.preventDefault(); this.choose(i); },
      },
      h('span', { class: 'option-name' }, p.nama ?? f.id),
      h('span', { class: 'option-place' },
        [p.kecamatan_nama && `${t('place.kecamatan')} ${p.kecamatan_nama}`, p.kabupaten_nama && `${t('place.kabupaten')} ${p.kabupaten_nama}`]
          .filter(Boolean).join(', ')),
      h('span', { class: 'option-code' }, p.kode ?? f.id));
    });
    replaceChildren(this.list, items);
    if (items.length === 0) {
      this.list.append(h('li', { class: 'search-empty', role: 'presentation' }, this.error ? t('search.failed') : t('search.none')));
    }
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
    this.status.textContent = this.error ? t('search.failed') : t('search.count', { n: this.results.length });
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  onKey(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.results.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.results.length) % this.results.length;
      this.renderList();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.active >= 0) this.choose(this.active);
      else this.query(this.input.value.trim());
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  choose(index) {
    const feature = this.results[index];
    if (!feature) return;
    this.close();
    this.input.value = feature.properties?.nama ?? feature.id;
    const bbox = feature.bbox ?? bboxOf(feature.geometry);
    if (bbox) this.map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 80, maxZoom: 13, duration: 600 });
    this.map.once('moveend', () => this.onChoose?.(feature));
  }
}

/** The bounding box of a GeoJSON geometry, for a result that came without one. */
export function bboxOf(geometry) {
  if (!geometry) return null;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]); box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]); box[3] = Math.max(box[3], c[1]);
    } else c.forEach(walk);
  };
  walk(geometry.coordinates ?? []);
  return Number.isFinite(box[0]) ? box : null;
}
