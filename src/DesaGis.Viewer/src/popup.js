// The village popup: indicators, the programmes and partners covering the village, its transmigration area, and
// a button to pin it as a pilot. Tile attributes show at once; the full feature and its programme coverage are
// fetched from the OGC API Features endpoints.
import { Popup } from 'maplibre-gl';
import { getJson } from './api.js';
import { h } from './dom.js';
import { formatNumber, onLanguageChange, t } from './i18n.js';
import { figureList } from './indicatorLayer.js';
import { villageFillLayers } from './mapStyle.js';

export class VillagePopup {
  constructor(map, planner) {
    this.map = map;
    this.planner = planner;
    // Focus is moved by hand (to the close button, without scrolling) so a tall popup opens at its top.
    this.popup = new Popup({ maxWidth: '340px', focusAfterOpen: false, className: 'village-popup' });
    this.current = null; // { props, programs, lngLat }
    for (const layer of villageFillLayers(map)) {
      map.on('click', layer.id, (e) => {
        const feature = e.features?.[0];
        if (feature) this.open(feature.properties, e.lngLat);
      });
      map.on('mouseenter', layer.id, () => { map.getCanvas().style.cursor = 'pointer'; });
      map.on('mouseleave', layer.id, () => { map.getCanvas().style.cursor = ''; });
    }
    this.popup.on('close', () => { this.current = null; });
    // Escape closes the popup, as it closes any dialog.
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && this.popup.isOpen()) this.popup.remove(); });
    onLanguageChange(() => this.current && this.render());
    planner.onPinsChanged(() => this.current && this.render());
  }

  /** Opens the popup of a village (tile or search properties) at a point, then fills in what the API adds. */
  async open(props, lngLat) {
    const kode = props.kode;
    // addTo closes an open popup first (its 'close' clears current), so current is set after it.
    this.popup.setLngLat(lngLat).addTo(this.map);
    this.current = { props: { ...props }, programs: null, figures: null, lngLat, kode };
    this.render();
    this.popup.getElement()?.querySelector('.maplibregl-popup-close-button')?.focus({ preventScroll: true });
    const [feature, coverage, figures] = await Promise.allSettled([
      getJson(`collections/village_indicators/items/${encodeURIComponent(kode)}`),
      getJson('collections/program_coverage/items', { desa_kode: kode, limit: 100 }),
      getJson(`areas/${encodeURIComponent(kode)}/figures`),
    ]);
    if (this.current?.kode !== kode) return; // another village was clicked meanwhile
    if (feature.status === 'fulfilled') Object.assign(this.current.props, feature.value.properties ?? {});
    this.current.figures = figures.status === 'fulfilled' ? figures.value.figures ?? [] : [];
    this.current.programs = coverage.status === 'fulfilled' ? (coverage.value.features ?? []).map((f) => f.properties ?? {}) : undefined;
    this.render();
  }

  render() {
    const { props: p, programs, figures, kode } = this.current;
    const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
    const years = (a, b) => (a || b ? `${a ?? '…'}–${b ?? '…'}` : '');
    const idm = p.idm_status ? `${t(`idm.${p.idm_status}`)}${p.idm_score !== undefined && p.idm_score !== null ? ` (${formatNumber(p.idm_score, 2)})` : ''}` : t('value.none');
    const pinned = this.planner.isPinned(kode);
    const pilot = this.planner.pilotInfo(kode);
    let programList;
    if (programs === null) programList = h('p', { class: 'muted' }, t('popup.loading'));
    else if (programs === undefined) {
      // Without the coverage collection the tile's partner list is what we know.
      programList = p.partner_names ? h('p', {}, p.partner_names) : h('p', { class: 'muted' }, t('popup.noPrograms'));
    } else if (programs.length === 0) programList = h('p', { class: 'muted' }, t('popup.noPrograms'));
    else {
      programList = h('ul', { class: 'program-list' }, programs.map((pr) => h('li', {},
        h('strong', {}, pr.program_nama ?? pr.program_kode), ' — ', pr.partner_nama ?? '',
        h('span', { class: 'muted' }, ` (${[pr.sector, years(pr.start_year, pr.end_year)].filter(Boolean).join(', ')})`))));
    }
    const content = h('div', { class: 'popup-body', 'data-kode': kode },
      h('h2', {}, p.nama ?? kode),
      h('p', { class: 'place' }, [
        p.jenis && t(`jenis.${p.jenis}`), p.kecamatan_nama && `${t('place.kecamatan')} ${p.kecamatan_nama}`,
        p.kabupaten_nama && `${t('place.kabupaten')} ${p.kabupaten_nama}`,
      ].filter(Boolean).join(' · ')),
      h('p', { class: 'code' }, kode),
      pilot ? h('p', { class: 'pilot-badge' }, t('popup.pilot', { rank: pilot.rank })) : null,
      h('dl', { class: 'indicators' },
        row(t('indicator.poverty_rate'), p.poverty_rate !== undefined && p.poverty_rate !== null ? `${formatNumber(p.poverty_rate, 1)} %` : t('value.none')),
        row(t('indicator.extreme_poor'), p.extreme_poor !== undefined && p.extreme_poor !== null ? `${formatNumber(p.extreme_poor)} ${t('unit.people')}` : t('value.none')),
        row(t('indicator.idm_status'), idm),
        row(t('popup.population'), formatNumber(p.population)),
        row(t('popup.transmigration'), p.transmigration_area || (p.in_transmigration_area === true ? t('value.yes') : t('popup.notTransmigration')))),
      h('h3', {}, t('popup.figures')),
      figureList(figures),
      h('h3', {}, t('popup.programs', { n: programs ? programs.length : (p.program_count ?? 0) })),
      programList,
      h('button', {
        type: 'button', class: 'pin-button', 'aria-pressed': pinned ? 'true' : 'false',
        onclick: () => this.planner.togglePin(kode, p.nama),
      }, pinned ? t('popup.unpin') : t('popup.pin')));
    // Redrawing (details arrived, language switched) keeps the keyboard focus and scroll position where they were.
    const box = this.popup.getElement()?.querySelector('.maplibregl-popup-content');
    const scroll = box?.scrollTop ?? 0;
    const hadFocus = box?.contains(document.activeElement);
    this.popup.setDOMContent(content);
    const again = this.popup.getElement()?.querySelector('.maplibregl-popup-content');
    if (again) again.scrollTop = scroll;
    if (hadFocus) this.popup.getElement()?.querySelector('.maplibregl-popup-close-button')?.focus({ preventScroll: true });
  }
}
