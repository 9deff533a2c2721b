// The map's style: the server's shared style (styles/desagis.json) when it is served, else a small built-in one
// over the same tile endpoints. Layers are grouped by the MVT layer they draw, so the viewer does not depend on
// the style's layer ids.
import { apiBase, getJson } from './api.js';

/** The layer groups the viewer toggles, by MVT layer (the contract's collection ids). */
export const GROUPS = [
  { id: 'villages', sourceLayers: ['village_indicators', 'villages'] },
  { id: 'programs', sourceLayers: ['programs', 'program_coverage'] },
  { id: 'transmigration', sourceLayers: ['transmigration_areas'] },
  { id: 'kecamatan', sourceLayers: ['kecamatan', 'kecamatan_labels'] },
  { id: 'kabupaten', sourceLayers: ['kabupaten', 'kabupaten_labels', 'provinsi'] },
  { id: 'scenario', sourceLayers: ['scenario_pilots', 'scenario_coverage'] },
];

/** The village indicators a choropleth can show. */
export const INDICATORS = ['poverty_rate', 'extreme_poor', 'idm_status'];

const NO_DATA = '#d9d9d9';
export const IDM_STATUSES = ['MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT_TERTINGGAL'];

/** Choropleths of the viewer's own, used for an indicator the style does not colour villages by. */
export const BUILTIN_CHOROPLETHS = {
  poverty_rate: ['case', ['==', ['get', 'poverty_rate'], null], NO_DATA,
    ['step', ['get', 'poverty_rate'], '#fff5eb', 5, '#fdd0a2', 10, '#fdae6b', 15, '#f16913', 20, '#d94801', 30, '#8c2d04']],
  extreme_poor: ['case', ['==', ['get', 'extreme_poor'], null], NO_DATA,
    ['step', ['get', 'extreme_poor'], '#f2f0f7', 10, '#cbc9e2', 25, '#9e9ac8', 50, '#756bb1', 100, '#54278f']],
  idm_status: ['match', ['get', 'idm_status'],
    'MANDIRI', '#1a9850', 'MAJU', '#91cf60', 'BERKEMBANG', '#fee08b', 'TERTINGGAL', '#fc8d59', 'SANGAT_TERTINGGAL', '#d73027',
    NO_DATA],
};

/** Loads the server's style; falls back to the built-in one (and says so) when it cannot be had. */
export async function loadStyle() {
  try {
    const style = await getJson('styles/desagis.json');
    return { style, fallback: false };
  } catch (error) {
    return { style: fallbackStyle(), fallback: true, error };
  }
}

function tiles(layer) {
  // Braces must stay literal: MapLibre fills {z}/{x}/{y}, so this is not built with URL().
  return [`${apiBase.href}tiles/${layer}/{z}/{x}/{y}.mvt`];
}

/** A minimal style over the server's tile endpoints, used when styles/desagis.json is not served. */
export function fallbackStyle() {
  const source = (layer, minzoom, maxzoom) => ({ type: 'vector', tiles: tiles(layer), minzoom, maxzoom });
  return {
    version: 8,
    name: 'DesaGis (built-in)',
    metadata: { 'desagis:fallback': true },
    center: [114.6, -3.0],
    zoom: 8,
    sources: {
      village_indicators: source('village_indicators', 5, 16),
      kecamatan: source('kecamatan', 5, 14),
      kabupaten: source('kabupaten', 0, 12),
      transmigration_areas: source('transmigration_areas', 4, 16),
      programs: source('programs', 4, 16),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef0ea' } },
      { id: 'villages-fill', type: 'fill', source: 'village_indicators', 'source-layer': 'village_indicators',
        paint: { 'fill-color': BUILTIN_CHOROPLETHS.poverty_rate, 'fill-opacity': 0.8 } },
      { id: 'villages-line', type: 'line', source: 'village_indicators', 'source-layer': 'village_indicators',
        paint: { 'line-color': '#7a7a7a', 'line-width': 0.4 } },
      { id: 'transmigration-fill', type: 'fill', source: 'transmigration_areas', 'source-layer': 'transmigration_areas',
        paint: { 'fill-color': '#6a3d9a', 'fill-opacity': 0.12 } },
      { id: 'transmigration-line', type: 'line', source: 'transmigration_areas', 'source-layer': 'transmigration_areas',
        paint: { 'line-color': '#6a3d9a', 'line-width': 2, 'line-dasharray': [3, 2] } },
      { id: 'programs-line', type: 'line', source: 'programs', 'source-layer': 'programs',
        paint: { 'line-color': '#1f78b4', 'line-width': 2.5, 'line-opacity': 0.9 } },
      { id: 'kecamatan-line', type: 'line', source: 'kecamatan', 'source-layer': 'kecamatan',
        paint: { 'line-color': '#3d3d3d', 'line-width': 1 } },
      { id: 'kabupaten-line', type: 'line', source: 'kabupaten', 'source-layer': 'kabupaten',
        paint: { 'line-color': '#111111', 'line-width': 2.2 } },
    ],
  };
}

/** The group a style layer belongs to, or null for base layers (background, basemap). */
export function groupOf(layer) {
  if (layer.metadata?.['desagis:group']) return layer.metadata['desagis:group'];
  const sourceLayer = layer['source-layer'];
  if (!sourceLayer) return null;
  return GROUPS.find((g) => g.sourceLayers.includes(sourceLayer))?.id ?? null;
}

/** Style layer ids per group, in drawing order. */
export function layersByGroup(map) {
  const result = new Map(GROUPS.map((g) => [g.id, []]));
  for (const layer of map.getStyle().layers) {
    const group = groupOf(layer);
    if (group) result.get(group)?.push(layer.id);
  }
  return result;
}

/** The village fill layers: the ones a choropleth colours. */
export function villageFillLayers(map) {
  return map.getStyle().layers.filter((l) => l.type === 'fill' && l['source-layer'] === 'village_indicators');
}

/** The property an expression reads first (['get', name]), e.g. the indicator a choropleth shows. */
export function propertyOf(expression) {
  if (!Array.isArray(expression)) return null;
  if (expression[0] === 'get' && typeof expression[1] === 'string') return expression[1];
  for (const part of expression) {
    const found = propertyOf(part);
    if (found) return found;
  }
  return null;
}

const isColor = (v) => typeof v === 'string';

/**
 * The classes of a colour expression (step, match, interpolate, case), as { color, kind, from, to, values } —
 * read from the expression the map actually draws with, so the legend cannot disagree with the map.
 */
export function classesOf(expression) {
  if (isColor(expression)) return [{ color: expression, kind: 'single' }];
  if (!Array.isArray(expression)) return [];
  const [op, ...args] = expression;
  if (op === 'step') {
    const [, first, ...stops] = args;
    const classes = [{ color: first, kind: 'range', from: null, to: stops[0] ?? null }];
    for (let i = 0; i < stops.length; i += 2) {
      classes.push({ color: stops[i + 1], kind: 'range', from: stops[i], to: stops[i + 2] ?? null });
    }
    return classes.filter((c) => isColor(c.color));
  }
  if (op === 'interpolate' || op === 'interpolate-hcl' || op === 'interpolate-lab') {
    const [, , ...stops] = args;
    const classes = [];
    for (let i = 0; i < stops.length; i += 2) classes.push({ color: stops[i + 1], kind: 'stop', from: stops[i] });
    return classes.filter((c) => isColor(c.color));
  }
  if (op === 'match') {
    const [, ...pairs] = args;
    const fallback = pairs.length % 2 === 1 ? pairs.pop() : null;
    const classes = [];
    for (let i = 0; i < pairs.length; i += 2) {
      classes.push({ color: pairs[i + 1], kind: 'match', values: [pairs[i]].flat() });
    }
    if (fallback !== null) classes.push({ color: fallback, kind: 'other' });
    return classes.filter((c) => isColor(c.color));
  }
  if (op === 'case') {
    const classes = [];
    const fallback = args.length % 2 === 1 ? args[args.length - 1] : null;
    for (let i = 0; i + 1 < args.length; i += 2) {
      const [condition, value] = [args[i], args[i + 1]];
      const noData = JSON.stringify(condition).includes('null') || JSON.stringify(condition).startsWith('["!",["has"');
      if (isColor(value)) classes.push({ color: value, kind: noData ? 'nodata' : 'other' });
      else classes.push(...classesOf(value));
    }
    if (fallback !== null) classes.push(...(isColor(fallback) ? [{ color: fallback, kind: 'other' }] : classesOf(fallback)));
    // A no-data class reads best at the end of a legend.
    return [...classes.filter((c) => c.kind !== 'nodata'), ...classes.filter((c) => c.kind === 'nodata')];
  }
  if (op === 'coalesce' || op === 'to-color') return args.flatMap(classesOf);
  return [];
}

/**
 * The legend the style declares for a layer in its metadata ("desagis:legend": [{ layer, property, classes: [{ min,
 * max, value, label, color, nodata }] } or { layer, color } for a plain line]), or null when it declares none.
 */
export function metadataLegend(layer, style) {
  const entries = style?.metadata?.['desagis:legend'];
  const fromStyle = Array.isArray(entries) ? entries.find((e) => e.layer === layer?.id) : null;
  const own = layer?.metadata?.['desagis:legend'];
  const entry = fromStyle ?? (own && !Array.isArray(own) ? own : own ? { classes: own } : null);
  if (!entry) return null;
  const classes = Array.isArray(entry.classes) ? entry.classes : entry.color ? [{ color: entry.color }] : [];
  return classes.length ? { ...entry, classes } : null;
}

/** The main paint colour of a layer, whatever its type. */
export function colorOf(map, layer) {
  const key = { fill: 'fill-color', line: 'line-color', circle: 'circle-color', symbol: 'text-color', 'fill-extrusion': 'fill-extrusion-color' }[layer.type];
  return key ? map.getPaintProperty(layer.id, key) : null;
}
