/**
 * Identifiers of an organisation: SIRET (14 digits, Luhn key), SIREN (its first 9 digits), NDA
 * (numéro de déclaration d'activité, 11 digits). Pure functions, French messages.
 */

/** Luhn key: from the right, every second digit doubled (minus 9 above 9); the sum is a multiple of 10. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments (SIREN 356 000 000) do not follow Luhn: INSEE checks that the digit sum is a multiple of 5. */
const LA_POSTE_SIREN = '356000000';

/** null when the SIRET is valid, the French reason otherwise. Spaces are tolerated (as printed on Kbis). */
export function siretError(value: string): string | null {
  const siret = value.replace(/\s/g, '');
  if (!/^\d{14}$/.test(siret)) return 'Le SIRET doit comporter exactement 14 chiffres.';
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? null : 'Le SIRET est invalide : sa clé de contrôle ne correspond pas.';
  }
  if (!luhnValid(siret.slice(0, 9))) return 'Le SIRET est invalide : le SIREN (9 premiers chiffres) a une clé de contrôle incorrecte.';
  if (!luhnValid(siret)) return 'Le SIRET est invalide : sa clé de contrôle ne correspond pas.';
  return null;
}

export const normalizeSiret = (value: string) => value.replace(/\s/g, '');

/** NDA: 11 digits, the first two being the code of the région that registered it. */
export function ndaError(value: string): string | null {
  return /^\d{11}$/.test(value.replace(/\s/g, '')) ? null : "Le numéro de déclaration d'activité (NDA) doit comporter 11 chiffres.";
}
