// The layer panel: a switch and an opacity slider per group, the choropleth indicator, and the programme filters.
import { getJson } from './api.js';
import { $, h, replaceChildren } from './dom.js';
import { onLanguageChange, t } from './i18n.js';
import { BUILTIN_CHOROPLETHS, INDICATORS, layersByGroup, propertyOf, villageFillLayers } from './mapStyle.js';
import { CLASS_METHODS } from './indicatorLayer.js';
import { state, writeHash } from './share.js';

const OPACITY_PROPERTY = { fill: 'fill-opacity', line: 'line-opacity', circle: 'circle-opacity', symbol: 'text-opacity', 'fill-extrusion': 'fill-extrusion-opacity' };

export class LayerPanel {
  constructor(map, onChange) {
    this.map = map;
    this.onChange = onChange;
    this.groups = layersByGroup(map);
    this.originals = new Map(); // layer id → { opacity, filter, fillColor } as the style had them
    for (const layer of map.getStyle().layers) {
      const key = OPACITY_PROPERTY[layer.type];
      this.originals.set(layer.id, {
        opacity: key ? map.getPaintProperty(layer.id, key) : undefined,
        filter: map.getFilter(layer.id),
        fillColor: layer.type === 'fill' ? map.getPaintProperty(layer.id, 'fill-color') : undefined,
        visible: (map.getLayoutProperty(layer.id, 'visibility') ?? 'visible') !== 'none',
      });
    }
    this.options = { partners: [], sectors: [], years: [] };
    this.root = $('#panel-layers-body');
    this.choropleth = null; // the catalog indicator layer (indicatorLayer.js), set by main
    onLanguageChange(() => this.render());
  }

  /** Layers the viewer adds itself (scenario overlays) join a group after the style is loaded. */
  adopt(group, layerIds) {
    const ids = this.groups.get(group) ?? [];
    for (const id of layerIds) {
      if (ids.includes(id)) continue;
      ids.push(id);
      const layer = this.map.getLayer(id);
      const key = OPACITY_PROPERTY[layer.type];
      this.originals.set(id, { opacity: key ? this.map.getPaintProperty(id, key) : undefined, filter: this.map.getFilter(id), visible: true });
    }
    this.groups.set(group, ids);
    this.apply();
    this.render();
  }

  /** Groups that have layers in this style. */
  presentGroups() {
    return [...this.groups.entries()].filter(([, ids]) => ids.length > 0).map(([id]) => id);
  }

  isVisible(group) {
    if (state.layers) return state.layers.has(group);
    const ids = this.groups.get(group) ?? [];
    return ids.some((id) => this.originals.get(id)?.visible);
  }

  setVisible(group, visible) {
    const current = new Set(this.presentGroups().filter((g) => this.isVisible(g)));
    if (visible) current.add(group); else current.delete(group);
    state.layers = current;
    this.apply();
    writeHash();
    this.onChange?.();
  }

  /** The indicator the villages are coloured by: the chosen one, else the one the style uses. */
  indicator() {
    if (INDICATORS.includes(state.indicator)) return state.indicator;
    const styleColor = villageFillLayers(this.map).map((l) => this.originals.get(l.id)?.fillColor).find(Boolean);
    const property = propertyOf(styleColor);
    return INDICATORS.includes(property) ? property : 'poverty_rate';
  }

  /** Pushes visibility, opacity, choropleth and filters from the state onto the map. */
  apply() {
    const map = this.map;
    for (const [group, ids] of this.groups) {
      const visible = this.isVisible(group);
      const factor = (state.opacity[group] ?? 100) / 100;
      for (const id of ids) {
        if (!map.getLayer(id)) continue;
        map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
        const key = OPACITY_PROPERTY[map.getLayer(id).type];
        if (key) map.setPaintProperty(id, key, scaledOpacity(this.originals.get(id)?.opacity, factor));
      }
    }
    const indicator = this.indicator();
    // A catalog indicator replaces the villages' own fill while it is shown; outlines and labels stay.
    const catalogShown = Boolean(this.choropleth?.selected());
    const villageFills = villageFillLayers(map);
    for (const layer of villageFills) {
      const original = this.originals.get(layer.id)?.fillColor;
      const color = propertyOf(original) === indicator ? original : BUILTIN_CHOROPLETHS[indicator];
      map.setPaintProperty(layer.id, 'fill-color', color);
      if (catalogShown) map.setLayoutProperty(layer.id, 'visibility', 'none');
    }
    if (this.choropleth) {
      const layers = map.getStyle().layers;
      const last = Math.max(-1, ...villageFills.map((l) => layers.findIndex((x) => x.id === l.id)));
      // Drawn where the village fill was, so boundaries, labels and programmes stay on top.
      const beforeId = layers.slice(last + 1).find((l) => !String(l.id).startsWith('indicator-'))?.id;
      this.choropleth.apply(beforeId).then(() => this.onChange?.());
    }
    const programFilter = this.programFilter();
    for (const id of this.groups.get('programs') ?? []) {
      const original = this.originals.get(id)?.filter;
      const parts = [original, ...programFilter].filter(Boolean);
      map.setFilter(id, parts.length === 0 ? null : parts.length === 1 ? parts[0] : ['all', ...parts]);
    }
    // The style's saved-scenario tile layers show the scenario in the URL only (none when there is none).
    for (const layer of map.getStyle().layers) {
      if (!String(layer['source-layer'] ?? '').startsWith('scenario_')) continue;
      const scenario = ['==', ['to-string', ['get', 'scenario_id']], state.scenario || '-'];
      const original = this.originals.get(layer.id)?.filter;
      map.setFilter(layer.id, original ? ['all', original, scenario] : scenario);
    }
  }

  /** Filters on partner, sector and active year, understood by both programme layers (programs, program_coverage). */
  programFilter() {
    const parts = [];
    if (state.partner) parts.push(['==', ['get', 'partner_nama'], state.partner]);
    if (state.sector) parts.push(['==', ['get', 'sector'], state.sector]);
    const year = Number(state.year);
    if (state.year && Number.isInteger(year)) {
      // A programme without a start or end year is open on that side.
      parts.push(['<=', ['coalesce', ['get', 'start_year'], 0], year]);
      parts.push(['>=', ['coalesce', ['get', 'end_year'], 9999], year]);
    }
    return parts;
  }

  /** Partner, sector and year choices, from the programmes collection. */
  async loadProgramOptions() {
    try {
      const page = await getJson('collections/programs/items', { limit: 1000, properties: 'partner_nama,sector,start_year,end_year' });
      const props = (page.features ?? []).map((f) => f.properties ?? {});
      const years = new Set();
      for (const p of props) {
        const from = p.start_year ?? null;
        const to = p.end_year ?? from;
        if (from !== null) for (let y = from; y <= Math.min(to ?? from, from + 30); y++) years.add(y);
      }
      this.options = {
        partners: [...new Set(props.map((p) => p.partner_nama).filter(Boolean))].sort(),
        sectors: [...new Set(props.map((p) => p.sector).filter(Boolean))].sort(),
        years: [...years].sort((a, b) => a - b),
      };
    } catch {
      // Without the features API the filters offer only "all"; the map still draws every programme.
    }
    this.render();
  }

  render() {
    const rows = this.presentGroups().map((group) => this.groupRow(group));
    replaceChildren(this.root,
      h('fieldset', { class: 'layer-list' }, h('legend', {}, t('layers.title')), rows),
      this.indicatorControl(),
      this.presentGroups().includes('programs') ? this.programControls() : null);
  }

  groupRow(group) {
    const visible = this.isVisible(group);
    const opacity = state.opacity[group] ?? 100;
    const checkboxId = `layer-${group}`;
    const sliderId = `opacity-${group}`;
    return h('div', { class: 'layer-row', 'data-group': group },
      h('input', { type: 'checkbox', id: checkboxId, checked: visible, onchange: (e) => this.setVisible(group, e.target.checked) }),
      h('label', { for: checkboxId }, t(`group.${group}`)),
      h('label', { for: sliderId, class: 'sr-only' }, t('layers.opacityOf', { layer: t(`group.${group}`) })),
      h('input', {
        type: 'range', id: sliderId, min: 0, max: 100, step: 5, value: opacity, class: 'opacity',
        title: t('layers.opacity'),
        'aria-valuetext': `${opacity} %`,
        oninput: (e) => {
          state.opacity[group] = Number(e.target.value);
          e.target.setAttribute('aria-valuetext', `${e.target.value} %`);
          this.apply();
          writeHash();
        },
      }));
  }

  indicatorControl() {
    const selection = this.choropleth?.selected();
    const current = selection ? state.indicator : this.indicator();
    const choices = this.choropleth?.choices() ?? [];
    const change = (key) => (e) => { state[key] = e.target.value; this.apply(); writeHash(); this.render(); this.onChange?.(); };
    const villageOptions = INDICATORS.map((i) => h('option', { value: i, selected: i === current }, t(`indicator.${i}`)));
    const select = h('select', { id: 'indicator-select', onchange: change('indicator') },
      choices.length === 0 ? villageOptions : [
        h('optgroup', { label: t('indicator.villageLayer') }, villageOptions),
        h('optgroup', { label: t('indicator.catalog') }, choices.map((c) => h('option', { value: c.value, selected: c.value === current },
          this.choropleth.title({ indicator: c.indicator, level: c.level })))),
      ]);
    const parts = [h('div', { class: 'field' }, h('label', { for: 'indicator-select' }, t(choices.length ? 'layers.colorBy' : 'layers.indicator')), select)];
    if (selection) {
      const years = this.choropleth.years(selection);
      if (years.length > 1) {
        parts.push(h('div', { class: 'field' }, h('label', { for: 'indicator-year' }, t('indicator.year')),
          h('select', { id: 'indicator-year', onchange: change('indicatorYear') },
            h('option', { value: '' }, t('indicator.latest')),
            years.map((y) => h('option', { value: String(y), selected: String(y) === String(state.indicatorYear) }, String(y))))));
      }
      if (selection.indicator.kind !== 'category') {
        const methods = CLASS_METHODS.filter((m) => m !== 'official' || (selection.indicator.breaks ?? []).length > 0);
        const method = this.choropleth.method(selection);
        parts.push(h('div', { class: 'field' }, h('label', { for: 'indicator-classes' }, t('indicator.classes')),
          h('select', { id: 'indicator-classes', onchange: change('classMethod') },
            methods.map((m) => h('option', { value: m, selected: m === method }, t(`classes.${m}`))))));
      }
    }
    return h('div', { class: 'indicator-control' }, parts);
  }

  programControls() {
    const select = (id, key, values, label) => h('div', { class: 'field' },
      h('label', { for: id }, label),
      h('select', {
        id,
        onchange: (e) => { state[key] = e.target.value; this.apply(); writeHash(); this.onChange?.(); },
      },
      h('option', { value: '' }, t('filter.all')),
      // The current value stays selectable even before the choices have loaded (e.g. from a shared link).
      [...new Set([...values.map(String), ...(state[key] ? [state[key]] : [])])]
        .map((v) => h('option', { value: v, selected: v === state[key] }, v))));
    return h('fieldset', { class: 'program-filters' },
      h('legend', {}, t('filter.title')),
      select('filter-partner', 'partner', this.options.partners, t('filter.partner')),
      select('filter-sector', 'sector', this.options.sectors, t('filter.sector')),
      select('filter-year', 'year', this.options.years, t('filter.year')));
  }
}

function scaledOpacity(original, factor) {
  if (original === undefined || original === null) return factor;
  if (typeof original === 'number') return original * factor;
  // Zoom expressions must stay at the top level of a paint value, so they cannot be scaled; leave them as drawn.
  if (JSON.stringify(original).includes('"zoom"')) return original;
  return ['*', original, factor];
}
