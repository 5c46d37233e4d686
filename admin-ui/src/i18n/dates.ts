/**
 * Dates read JJ/MM/AAAA for every agent, whatever their browser's language: react-admin's DateField (81 uses)
 * formats with the browser's default locale when none is given, so the default becomes French here, once.
 */
const FRENCH = 'fr-FR';

const toLocaleDateString = Date.prototype.toLocaleDateString;
const toLocaleString = Date.prototype.toLocaleString;
const toLocaleTimeString = Date.prototype.toLocaleTimeString;

Date.prototype.toLocaleDateString = function (locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
  return toLocaleDateString.call(this, locales ?? FRENCH, options);
};
Date.prototype.toLocaleString = function (locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
  return toLocaleString.call(this, locales ?? FRENCH, options);
};
Date.prototype.toLocaleTimeString = function (locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
  return toLocaleTimeString.call(this, locales ?? FRENCH, options);
};
