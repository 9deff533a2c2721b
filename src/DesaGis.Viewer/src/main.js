// DesaGis viewer: wires the map, the layer panel, the legend, search, popups, the planner and sharing together.
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { apiBase, apiUrl, authHeaders } from './api.js';
import { $ } from './dom.js';
import { AreaPopup } from './areaPopup.js';
import { Exports } from './exports.js';
import { LANGUAGES, onLanguageChange, setLanguage, t, translate } from './i18n.js';
import { FILL, IndicatorChoropleth, NODATA } from './indicatorLayer.js';
import { LayerPanel } from './layers.js';
import { Legend } from './legend.js';
import { loadStyle } from './mapStyle.js';
import { Planner } from './planner.js';
import { Registry } from './registry.js';
import { OVERLAY_LAYERS } from './planOverlay.js';
import { VillagePopup } from './popup.js';
import { Search } from './search.js';
import { readHash, state, writeHash } from './share.js';

// The worker file is copied beside the bundle with a content hash in its name (see build.mjs).
setWorkerUrl(new URL(`./${__MAPLIBRE_WORKER__}`, import.meta.url).href);

const notice = $('#notice');
let noticeTimer;
/** A short message for everyone, screen readers included. */
function say(message, sticky = false) {
  clearTimeout(noticeTimer);
  notice.textContent = message;
  notice.hidden = !message;
  if (!sticky && message) noticeTimer = setTimeout(() => { notice.hidden = true; }, 5000);
}

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const select = (tab) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(`#${other.getAttribute('aria-controls')}`).hidden = !selected;
    }
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      // Arrow keys move between tabs, as the WAI-ARIA tabs pattern has it.
      const i = tabs.indexOf(tab);
      const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : null;
      if (next) { e.preventDefault(); select(next); next.focus(); }
    });
  }
}

function setupChrome() {
  const toggle = $('#sidebar-toggle');
  const sidebar = $('#sidebar');
  // Narrow screens (tablets held upright) start with the map; wide ones with the panel.
  if (window.matchMedia('(max-width: 900px)').matches) { sidebar.classList.add('collapsed'); toggle.setAttribute('aria-expanded', 'false'); }
  toggle.addEventListener('click', () => {
    const collapsed = sidebar.classList.toggle('collapsed');
    toggle.setAttribute('aria-expanded', String(!collapsed));
    window.desagis?.map?.resize();
  });
  // The skip link lands on the map canvas, where the arrow keys and +/- move the map.
  $('.skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    window.desagis?.map?.getCanvas().focus();
  });
  const legendToggle = $('#legend-toggle');
  legendToggle.addEventListener('click', () => {
    const body = $('#legend-body');
    body.hidden = !body.hidden;
    legendToggle.setAttribute('aria-expanded', String(!body.hidden));
  });
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => {
      state.lang = button.dataset.lang;
      setLanguage(state.lang);
      writeHash();
    });
  }
  $('#share-button').addEventListener('click', async () => {
    writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      say(t('share.copied'));
    } catch {
      // Without clipboard permission, show the link so it can be copied by hand.
      say(`${t('share.link')} ${location.href}`, true);
    }
  });
}

function markLanguage(lang) {
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
}

async function start() {
  readHash();
  if (!LANGUAGES.includes(state.lang)) state.lang = 'id';
  onLanguageChange(markLanguage);
  translate(document);
  setLanguage(state.lang);
  setupTabs();
  setupChrome();

  const { style, fallback } = await loadStyle();
  const map = new MapLibreMap({
    container: 'map',
    style,
    center: state.center ?? style.center ?? [117, -2],
    zoom: state.zoom ?? style.zoom ?? 5,
    attributionControl: { compact: true },
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
    // Tiles of restricted layers need the API key too; it goes only to this server.
    transformRequest: (url) => (url.startsWith(apiBase.origin) ? { url, headers: authHeaders() } : { url }),
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  // The page's objects, for scripted checks and for anyone debugging in the console.
  window.desagis = { map, state, ready: false };

  map.on('error', (e) => {
    // Tiles of a layer the server does not serve (yet) are not worth a message per tile.
    if (e.sourceId || e.tile) return;
    console.warn(e.error?.message ?? e);
  });

  map.once('style.load', async () => {
    const planner = new Planner(map, say);
    const panel = new LayerPanel(map, () => legend.render());
    const choropleth = new IndicatorChoropleth(map);
    await choropleth.load();
    panel.choropleth = choropleth;
    panel.adopt('scenario', OVERLAY_LAYERS.filter((id) => map.getLayer(id)));
    const legend = new Legend(map, panel, () => planner.legendEntries());
    planner.onDrawn(() => legend.render());
    const popup = new VillagePopup(map, planner);
    const areaPopup = new AreaPopup(map);
    // Areas drawn by a catalog indicator: a village opens the village popup, a wider area its own figures.
    for (const layerId of [FILL, NODATA]) {
      map.on('click', layerId, (e) => {
        const feature = e.features?.[0];
        const selection = choropleth.selected();
        if (!feature || !selection) return;
        if (selection.level === 'desa') popup.open(feature.properties, e.lngLat);
        else areaPopup.open(feature.properties, selection.level, e.lngLat);
      });
      map.on('mouseenter', layerId, () => { map.getCanvas().style.cursor = 'pointer'; });
      map.on('mouseleave', layerId, () => { map.getCanvas().style.cursor = ''; });
    }
    const search = new Search(map, (feature) => {
      const bbox = feature.bbox;
      const center = bbox ? [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] : map.getCenter().toArray();
      popup.open({ kode: feature.properties?.kode ?? feature.id, ...feature.properties }, center);
    });
    const exports = new Exports(map, panel);
    // Partners' own programmes and the reviewers' queue (the programme registry).
    const registry = new Registry(map, say);
    panel.render();
    legend.render();
    planner.render();
    Object.assign(window.desagis, { panel, legend, planner, popup, areaPopup, choropleth, search, exports, registry, fallbackStyle: fallback });

    map.on('moveend', () => {
      const c = map.getCenter();
      state.center = [c.lng, c.lat];
      state.zoom = map.getZoom();
      writeHash();
    });
    window.addEventListener('hashchange', () => {
      // A pasted link: apply what it says.
      const before = { scenario: state.scenario, compare: state.compare, lang: state.lang };
      readHash();
      if (state.lang !== before.lang) setLanguage(state.lang);
      panel.apply(); panel.render(); legend.render();
      if (state.center && state.zoom !== null) map.jumpTo({ center: state.center, zoom: state.zoom });
      if (state.scenario !== before.scenario || state.compare !== before.compare) openScenarioFromState(planner);
    });
    setLanguage(state.lang);
    if (fallback) say(t('style.fallback'), true);
    // Without a view in the link, open on the data itself rather than on the whole country.
    if (!state.center) await fitToData(map);
    await Promise.all([panel.loadProgramOptions(), planner.loadScenarioList()]);
    await openScenarioFromState(planner);
    window.desagis.ready = true;
    document.body.dataset.ready = 'true';
  });
}

/** Fits the map to the villages' extent, as the server reports it; the style's national view stays on failure. */
async function fitToData(map) {
  try {
    const response = await fetch(apiUrl('collections/village_indicators', { f: 'json' }), { headers: authHeaders() });
    if (!response.ok) return;
    const bbox = (await response.json())?.extent?.spatial?.bbox?.[0];
    if (Array.isArray(bbox) && bbox.length >= 4 && bbox.every(Number.isFinite)) {
      map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 40, duration: 0, maxZoom: 12 });
    }
  } catch {
    // Offline or the server is restarting: the style's view is a fine start.
  }
}

async function openScenarioFromState(planner) {
  if (state.scenario && state.compare) await planner.compare(state.scenario, state.compare);
  else if (state.scenario) await planner.loadScenario(state.scenario);
}

start().catch((error) => {
  say(`${t('app.failed')} ${error.message}`, true);
  console.error(error);
});
