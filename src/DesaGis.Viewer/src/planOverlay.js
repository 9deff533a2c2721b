// Draws a plan on the map: pilots, their reach circles and the villages they reach; or two scenarios side by side.
import { villageFillLayers } from './mapStyle.js';

export const PILOT_COLOR = '#c92a2a';
export const PINNED_COLOR = '#e8590c';
export const REACH_COLOR = '#1864ab';
export const COMPARE_A_COLOR = '#1864ab';
export const COMPARE_B_COLOR = '#e67700';

const EMPTY = { type: 'FeatureCollection', features: [] };

/** Layer ids the overlay adds; they form the "scenario" group of the layer panel. */
export const OVERLAY_LAYERS = ['plan-covered', 'plan-reach-fill', 'plan-reach-line', 'plan-pilots', 'compare-a', 'compare-b'];

export class PlanOverlay {
  constructor(map) {
    this.map = map;
    map.addSource('desagis-plan', { type: 'geojson', data: EMPTY });
    map.addSource('desagis-compare', { type: 'geojson', data: EMPTY });
    const villages = villageFillLayers(map)[0];
    if (villages) {
      // Reached villages are outlined on the village tiles themselves: no extra geometry to download.
      map.addLayer({
        id: 'plan-covered', type: 'line', source: villages.source, 'source-layer': villages['source-layer'],
        filter: ['in', ['get', 'kode'], ['literal', []]],
        paint: { 'line-color': REACH_COLOR, 'line-width': 2 },
      });
    }
    map.addLayer({ id: 'plan-reach-fill', type: 'fill', source: 'desagis-plan', filter: ['==', ['get', 'role'], 'reach'],
      paint: { 'fill-color': REACH_COLOR, 'fill-opacity': 0.08 } });
    map.addLayer({ id: 'plan-reach-line', type: 'line', source: 'desagis-plan', filter: ['==', ['get', 'role'], 'reach'],
      paint: { 'line-color': REACH_COLOR, 'line-width': 1.5, 'line-dasharray': [2, 2] } });
    map.addLayer({ id: 'plan-pilots', type: 'circle', source: 'desagis-plan', filter: ['==', ['get', 'role'], 'pilot'],
      paint: {
        'circle-radius': 8,
        'circle-color': ['case', ['get', 'pinned'], PINNED_COLOR, PILOT_COLOR],
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2,
      } });
    map.addLayer({ id: 'compare-a', type: 'circle', source: 'desagis-compare', filter: ['==', ['get', 'side'], 'a'],
      paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': COMPARE_A_COLOR, 'circle-stroke-width': 4 } });
    map.addLayer({ id: 'compare-b', type: 'circle', source: 'desagis-compare', filter: ['==', ['get', 'side'], 'b'],
      paint: { 'circle-radius': 5, 'circle-color': COMPARE_B_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } });
  }

  /** Shows one run's pilots, reach circles (radiusKm) and reached villages; null clears. */
  showRun(run, radiusKm) {
    const features = [];
    for (const p of run?.selected ?? []) {
      if (radiusKm > 0) features.push(circle([p.lon, p.lat], radiusKm, { role: 'reach', kode: p.kode }));
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { role: 'pilot', kode: p.kode, nama: p.nama, rank: p.rank, pinned: !!p.pinned, score: p.score } });
    }
    this.map.getSource('desagis-plan').setData({ type: 'FeatureCollection', features });
    if (this.map.getLayer('plan-covered')) {
      const kodes = (run?.covered ?? []).map((c) => c.kode);
      this.map.setFilter('plan-covered', ['in', ['get', 'kode'], ['literal', kodes]]);
    }
  }

  /** Shows the pilots of two scenarios: A as rings, B as dots, so a village in both shows a dot in a ring. */
  showComparison(a, b) {
    const features = [];
    for (const [side, scenario] of [['a', a], ['b', b]]) {
      for (const p of scenario?.result?.selected ?? []) {
        features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
          properties: { side, kode: p.kode, nama: p.nama, rank: p.rank } });
      }
    }
    this.map.getSource('desagis-compare').setData({ type: 'FeatureCollection', features });
  }

  /** The extent of what is drawn, for zooming to a result. */
  static bounds(points) {
    if (!points.length) return null;
    const lons = points.map((p) => p.lon);
    const lats = points.map((p) => p.lat);
    return [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];
  }
}

/** A circle of radius km around [lon, lat] as a polygon (local equirectangular approximation; fine for ≤ 200 km). */
export function circle([lon, lat], km, properties, steps = 64) {
  const dLat = km / 110.574;
  const dLon = km / (111.32 * Math.cos((lat * Math.PI) / 180));
  const ring = [];
  for (let i = 0; i <= steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties };
}
