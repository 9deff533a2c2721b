// The legend: built from the colour expressions the map draws with (and the labels the style's metadata gives),
// for the groups that are switched on.
import { $, h, replaceChildren } from './dom.js';
import { formatNumber, language, onLanguageChange, t } from './i18n.js';
import { classesOf, colorOf, metadataLegend, propertyOf, villageFillLayers } from './mapStyle.js';

const MAX_PER_GROUP = 10;

export class Legend {
  constructor(map, panel, scenarioEntries) {
    this.map = map;
    this.panel = panel;
    this.scenarioEntries = scenarioEntries;
    this.root = $('#legend-body');
    onLanguageChange(() => this.render());
  }

  render() {
    const sections = [];
    const choropleth = this.panel.choropleth;
    const catalogShown = Boolean(choropleth?.selected());
    if (catalogShown) {
      // The catalog indicator: its classes, then the year, the sources and how many areas have a value.
      sections.push(h('section', { class: 'legend-group legend-indicator', 'data-group': 'indicator' },
        h('h3', {}, choropleth.title()),
        h('ul', {}, choropleth.legendEntries().map((e) => h('li', { class: 'legend-item', 'data-color': e.color },
          h('span', { class: `swatch swatch-${e.shape}`, style: { '--swatch': e.color }, 'aria-hidden': 'true' }),
          h('span', { class: 'legend-label' }, e.label)))),
        choropleth.facts().map((f) => h('p', { class: `legend-fact legend-${f.key}` }, f.text))));
    }
    for (const group of this.panel.presentGroups()) {
      if (!this.panel.isVisible(group)) continue;
      if (group === 'villages' && catalogShown) continue;
      const entries = group === 'villages' ? this.villageEntries()
        : group === 'scenario' && this.scenarioEntries ? this.scenarioEntries() : this.groupEntries(group);
      if (entries.length === 0) continue;
      const title = group === 'villages'
        ? `${t('group.villages')}: ${t(`indicator.${this.panel.indicator()}`)}`
        : t(`group.${group}`);
      sections.push(h('section', { class: 'legend-group', 'data-group': group },
        h('h3', {}, title),
        h('ul', {}, entries.slice(0, MAX_PER_GROUP).map((e) => h('li', { class: 'legend-item', 'data-color': e.color },
          h('span', { class: `swatch swatch-${e.shape}`, style: { '--swatch': e.color }, 'aria-hidden': 'true' }),
          h('span', { class: 'legend-label' }, e.label))))));
    }
    replaceChildren(this.root, sections.length ? sections : h('p', { class: 'muted' }, t('legend.empty')));
  }

  villageEntries() {
    const layer = villageFillLayers(this.map)[0];
    if (!layer) return [];
    return this.layerEntries(layer, 'villages', 'fill');
  }

  groupEntries(group) {
    const entries = [];
    const style = this.map.getStyle();
    const layers = (this.panel.groups.get(group) ?? []).map((id) => style.layers.find((l) => l.id === id))
      .filter((l) => l && ['fill', 'line', 'circle'].includes(l.type));
    // When the style declares a legend for one layer of the group, that is the group's legend.
    const declared = layers.filter((l) => metadataLegend(l, style));
    for (const layer of declared.length ? declared : layers) {
      entries.push(...this.layerEntries(layer, group, layer.type === 'line' ? 'line' : layer.type === 'circle' ? 'circle' : 'fill'));
    }
    // A fill and the outline of the same thing make one entry.
    const byLabel = new Map();
    for (const e of entries) if (!byLabel.has(e.label)) byLabel.set(e.label, e);
    return [...byLabel.values()];
  }

  /**
   * Entries for one layer: the classes the style's metadata declares while the layer still draws with the style's
   * own colours, else the classes read from the colour expression the layer draws with now (e.g. another indicator).
   */
  layerEntries(layer, group, shape) {
    const expression = colorOf(this.map, layer);
    const property = propertyOf(expression);
    const declared = metadataLegend(layer, this.map.getStyle());
    const drawn = classesOf(expression);
    const drawnColors = new Set(drawn.map((c) => normalize(c.color)));
    if (declared && declared.classes.every((c) => drawnColors.has(normalize(c.color)))) {
      return declared.classes.map((c) => ({ color: c.color, shape, label: declaredLabel(c, declared.property ?? property, group) }));
    }
    return drawn.map((c) => ({
      color: c.color,
      shape,
      label: c.kind === 'single' ? t(`group.${group}`) : classLabel(c, property),
    }));
  }
}

const normalize = (color) => String(color).trim().toLowerCase();

/** The label of a class the style declares, in the viewer's language where it can be built from the class. */
function declaredLabel(c, property, group) {
  if (c.nodata) return t('legend.nodata');
  if (c.min !== undefined || c.max !== undefined) {
    return classLabel({ kind: 'range', from: c.min ?? null, to: c.max ?? null }, property);
  }
  // A class the style names (a partner's name for its code) keeps that name.
  if (c.value !== undefined && property !== 'idm_status' && typeof c.label === 'string' && c.label.length > 0) return c.label;
  if (c.value !== undefined) return classLabel({ kind: 'match', values: [c.value].flat() }, property);
  if (c.label && typeof c.label === 'object') return c.label[language()] ?? c.label.id ?? c.label.en;
  return c.label && !c.color ? c.label : t(`group.${group}`);
}

function formatValue(value, property) {
  if (property === 'poverty_rate') return `${formatNumber(value, Number.isInteger(value) ? 0 : 1)} %`;
  if (property === 'idm_score') return formatNumber(value, 2);
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

/** A readable label for one class of an expression. */
function classLabel(c, property) {
  switch (c.kind) {
    case 'range':
      if (c.from === null && c.to === null) return t('legend.nodata');
      if (c.from === null || (c.from === 0 && property === 'poverty_rate')) return `< ${formatValue(c.to, property)}`;
      if (c.to === null) return `≥ ${formatValue(c.from, property)}`;
      return `${formatValue(c.from, property)} – < ${formatValue(c.to, property)}`;
    case 'stop':
      return formatValue(c.from, property);
    case 'match':
      return c.values.map((v) => (property === 'idm_status' ? t(`idm.${v}`) : property === 'partner_kind' ? t(`partnerKind.${v}`) : String(v))).join(', ');
    case 'nodata':
      return t('legend.nodata');
    case 'other':
      return property === 'idm_status' || property === 'poverty_rate' || property === 'extreme_poor' ? t('legend.nodata') : t('legend.other');
    default:
      return '';
  }
}
