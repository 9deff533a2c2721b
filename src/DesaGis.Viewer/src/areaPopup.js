// The popup of a kecamatan, kabupaten or province drawn by a catalog indicator: its figures with year and source.
import { Popup } from 'maplibre-gl';
import { getJson } from './api.js';
import { h } from './dom.js';
import { onLanguageChange, t } from './i18n.js';
import { figureList } from './indicatorLayer.js';

export class AreaPopup {
  constructor(map) {
    this.map = map;
    this.popup = new Popup({ maxWidth: '340px', focusAfterOpen: false, className: 'area-popup' });
    this.current = null;
    this.popup.on('close', () => { this.current = null; });
    onLanguageChange(() => this.current && this.render());
  }

  async open(props, level, lngLat) {
    const kode = props.kode;
    this.current = { kode, nama: props.nama, level, figures: null };
    this.popup.setLngLat(lngLat).addTo(this.map);
    this.render();
    try {
      const body = await getJson(`areas/${encodeURIComponent(kode)}/figures`);
      if (this.current?.kode === kode) this.current.figures = body.figures ?? [];
    } catch {
      if (this.current?.kode === kode) this.current.figures = [];
    }
    if (this.current?.kode === kode) this.render();
  }

  render() {
    const { kode, nama, level, figures } = this.current;
    this.popup.setDOMContent(h('div', { class: 'popup-body', 'data-kode': kode },
      h('h2', {}, nama ?? kode),
      h('p', { class: 'place' }, t(`level.${level}`)),
      h('p', { class: 'code' }, kode),
      h('h3', {}, t('popup.figures')),
      figureList(figures)));
  }
}
