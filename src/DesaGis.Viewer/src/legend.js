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
    for (const group of this.panel.presentGroups()) {
      if (!this.panel.isVisible(group)) continue;
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
    const expression = this.map.getPaintProperty(layer.id, 'fill-color');
    const property = propertyOf(expression);
    const labels = labelsByColor(metadataLegend(this.map.getStyle().layers.find((l) => l.id === layer.id), this.map.getStyle()), property);
    return classesOf(expression).map((c) => ({
      color: c.color,
      shape: 'fill',
      label: labels.get(normalize(c.color)) ?? classLabel(c, property),
    }));
  }

  groupEntries(group) {
    const entries = [];
    const seen = new Set();
    const style = this.map.getStyle();
    for (const id of this.panel.groups.get(group) ?? []) {
      const layer = style.layers.find((l) => l.id === id);
      if (!layer || !['fill', 'line', 'circle'].includes(layer.type)) continue;
      const expression = colorOf(this.map, layer);
      const property = propertyOf(expression);
      const labels = labelsByColor(metadataLegend(layer, style), property);
      for (const c of classesOf(expression)) {
        const label = labels.get(normalize(c.color))
          ?? (c.kind === 'single' ? layer.metadata?.['desagis:label']?.[language()] ?? t(`group.${group}`) : classLabel(c, property));
        const key = `${normalize(c.color)}|${label}`;
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push({ color: c.color, shape: layer.type === 'line' ? 'line' : layer.type === 'circle' ? 'circle' : 'fill', label });
      }
    }
    // A fill and the outline of the same thing make one entry: keep the first label once.
    const byLabel = new Map();
    for (const e of entries) if (!byLabel.has(e.label)) byLabel.set(e.label, e);
    return [...byLabel.values()];
  }
}

const normalize = (color) => String(color).trim().toLowerCase();

/** Labels from the style's metadata, by colour; a label may be text or { id, en }. */
function labelsByColor(classes, property) {
  const result = new Map();
  for (const c of classes ?? []) {
    const color = c.color ?? c.fill ?? c.colour;
    let label = c.label ?? c.title ?? c.name;
    if (label && typeof label === 'object') label = label[language()] ?? label.id ?? label.en;
    if (!label && (c.min !== undefined || c.max !== undefined)) label = classLabel({ kind: 'range', from: c.min ?? null, to: c.max ?? null }, property);
    if (color && label) result.set(normalize(color), String(label));
  }
  return result;
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
      if (c.from === null) return `< ${formatValue(c.to, property)}`;
      if (c.to === null) return `≥ ${formatValue(c.from, property)}`;
      return `${formatValue(c.from, property)} – < ${formatValue(c.to, property)}`;
    case 'stop':
      return formatValue(c.from, property);
    case 'match':
      return c.values.map((v) => (property === 'idm_status' ? t(`idm.${v}`) : String(v))).join(', ');
    case 'nodata':
      return t('legend.nodata');
    case 'other':
      return property === 'idm_status' || property === 'poverty_rate' || property === 'extreme_poor' ? t('legend.nodata') : t('legend.other');
    default:
      return '';
  }
}
