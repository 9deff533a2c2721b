// Bahasa Indonesia by default, English on request. Every visible string lives in strings.js.
import { strings } from './strings.js';

export const LANGUAGES = ['id', 'en'];
let current = 'id';
const listeners = [];

export const language = () => current;

/** The string for `key` in the current language, with {name} placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = strings[current][key] ?? strings.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** Formats a number the way the current language writes it (1.234,5 or 1,234.5). */
export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return t('value.none');
  return Number(value).toLocaleString(current === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Switches the language, re-labels the static page and lets every part redraw its own text. */
export function setLanguage(lang) {
  current = LANGUAGES.includes(lang) ? lang : 'id';
  document.documentElement.lang = current;
  translate(document);
  for (const fn of listeners) fn(current);
}

/** Registers a redraw to run whenever the language changes. */
export const onLanguageChange = (fn) => listeners.push(fn);

/**
 * Fills elements marked in the HTML: data-i18n="key" sets the text, data-i18n-attr="placeholder:key aria-label:key"
 * sets attributes.
 */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(/\s+/)) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  }
}
