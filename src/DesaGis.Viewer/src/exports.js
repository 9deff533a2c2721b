// Export buttons: an area map (PDF or PNG) through /export/map and data downloads through /export/data/{collection},
// both for the area on screen (and the scenario shown, when there is one).
import { apiUrl } from './api.js';
import { $, h, replaceChildren } from './dom.js';
import { onLanguageChange, t } from './i18n.js';
import { state } from './share.js';

export const DATA_COLLECTIONS = ['village_indicators', 'programs', 'program_coverage', 'transmigration_areas', 'kecamatan', 'kabupaten'];
export const DATA_FORMATS = ['geojson', 'csv', 'gpkg', 'shp', 'kml', 'gpx'];

export class Exports {
  constructor(map, panel) {
    this.map = map;
    this.panel = panel;
    this.root = $('#export-body');
    this.choice = { mapFormat: 'pdf', paper: 'A4-landscape', collection: 'village_indicators', dataFormat: 'geojson' };
    onLanguageChange(() => this.render());
    this.render();
  }

  bbox() {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(5)).join(',');
  }

  /** GET /export/map for the view: bbox, paper (a4/a3), orientation, format (pdf/png) and an optional title. */
  mapUrl() {
    const [size, orientation] = this.choice.paper.split('-');
    return apiUrl('export/map', {
      bbox: this.bbox(), format: this.choice.mapFormat, paper: size.toLowerCase(), orientation,
      title: $('#export-title')?.value.trim() || undefined,
    });
  }

  /** GET /export/data/{collection} for the view. */
  dataUrl() {
    return apiUrl(`export/data/${this.choice.collection}`, { format: this.choice.dataFormat, bbox: this.bbox() });
  }

  render() {
    const c = this.choice;
    const select = (id, key, values, label, text) => h('div', { class: 'field field-inline' },
      h('label', { for: id }, label),
      h('select', { id, onchange: (e) => { c[key] = e.target.value; } },
        values.map((v) => h('option', { value: v, selected: c[key] === v }, text(v)))));
    replaceChildren(this.root,
      h('fieldset', {}, h('legend', {}, t('export.map')),
        h('div', { class: 'field' }, h('label', { for: 'export-title' }, t('export.title')), h('input', { id: 'export-title', maxlength: 120 })),
        select('export-map-format', 'mapFormat', ['pdf', 'png'], t('export.format'), (v) => v.toUpperCase()),
        select('export-paper', 'paper', ['A4-landscape', 'A4-portrait', 'A3-landscape', 'A3-portrait'], t('export.paper'),
          (v) => `${v.split('-')[0]} ${t(`export.${v.split('-')[1]}`)}`),
        h('button', { type: 'button', id: 'export-map', onclick: () => window.open(this.mapUrl(), '_blank', 'noopener') }, t('export.mapButton'))),
      h('fieldset', {}, h('legend', {}, t('export.data')),
        select('export-collection', 'collection', DATA_COLLECTIONS, t('export.collection'), (v) => t(`collection.${v}`)),
        select('export-data-format', 'dataFormat', DATA_FORMATS, t('export.format'), (v) => v.toUpperCase()),
        h('button', { type: 'button', id: 'export-data', onclick: () => window.open(this.dataUrl(), '_blank', 'noopener') }, t('export.dataButton'))),
      state.scenario ? h('p', { class: 'muted' }, h('a', { href: apiUrl(`planner/scenarios/${encodeURIComponent(state.scenario)}/export`, { format: 'geojson' }) }, t('export.scenario'))) : null);
  }
}
