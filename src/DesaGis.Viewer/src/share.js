// The URL hash holds what the planner sees (view, layers, indicator, filters, scenario, language), so a copied
// link reproduces it. Example: #lang=en&z=9.5&c=114.6,-3.05&l=villages,kabupaten&o=villages:70&i=idm_status&s=12
// (a catalog indicator: i=poverty_rate@kabupaten&iy=2021&ic=quantile)

/** The viewer's shareable state; null/empty members mean "as the style says". */
export const state = {
  lang: 'id',
  zoom: null,
  center: null,
  layers: null,
  opacity: {},
  indicator: '',
  indicatorYear: '',
  classMethod: '',
  partner: '',
  sector: '',
  year: '',
  scenario: '',
  compare: '',
};

/** Reads the state from a hash string (location.hash by default). */
export function readHash(hash = location.hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const number = (v) => (v !== null && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
  if (p.has('lang')) state.lang = p.get('lang');
  state.zoom = number(p.get('z'));
  const c = (p.get('c') ?? '').split(',').map(number);
  state.center = c.length === 2 && c.every((v) => v !== null) ? c : null;
  state.layers = p.has('l') ? new Set(p.get('l').split(',').filter(Boolean)) : null;
  state.opacity = {};
  for (const pair of (p.get('o') ?? '').split(',').filter(Boolean)) {
    const [group, value] = pair.split(':');
    if (number(value) !== null) state.opacity[group] = Math.max(0, Math.min(100, number(value)));
  }
  state.indicator = p.get('i') ?? '';
  state.indicatorYear = p.get('iy') ?? '';
  state.classMethod = p.get('ic') ?? '';
  state.partner = p.get('pp') ?? '';
  state.sector = p.get('ps') ?? '';
  state.year = p.get('py') ?? '';
  state.scenario = p.get('s') ?? '';
  state.compare = p.get('cmp') ?? '';
  return state;
}

/** The hash for the current state. */
export function toHash() {
  const p = new URLSearchParams();
  p.set('lang', state.lang);
  if (state.zoom !== null) p.set('z', state.zoom.toFixed(2));
  if (state.center) p.set('c', state.center.map((v) => v.toFixed(5)).join(','));
  if (state.layers) p.set('l', [...state.layers].join(','));
  const opacity = Object.entries(state.opacity).filter(([, v]) => v !== 100);
  if (opacity.length) p.set('o', opacity.map(([g, v]) => `${g}:${v}`).join(','));
  const optional = { i: state.indicator, iy: state.indicatorYear, ic: state.classMethod, pp: state.partner, ps: state.sector, py: state.year, s: state.scenario, cmp: state.compare };
  for (const [key, value] of Object.entries(optional)) if (value) p.set(key, value);
  // URLSearchParams encodes ',' and ':'; they are safe in a fragment and keep links readable.
  return '#' + p.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}

/** Writes the state into the address bar without adding a history entry per map move. */
export function writeHash() {
  const hash = toHash();
  if (hash !== location.hash) history.replaceState(null, '', hash);
}
