/**
 * Who issues titles, CCS and livrets: the State's regional service of each région (DREETS, DRIEETS in
 * Île-de-France, DEETS overseas) "pour le préfet de région", and Nouvelle-Calédonie's own service.
 * The key is the INSEE région code; Nouvelle-Calédonie (no région) is "988", its INSEE code.
 * Wording [I]: the public sources give the delegation pattern, not each region's exact line: an agent
 * can override the signatory's function and name per document.
 */
export const NOUVELLE_CALEDONIE = '988';

export interface Emetteur {
  code: string;
  nom: string;
  /** "Pour le préfet de la région Auvergne-Rhône-Alpes, et par délégation," */
  autorite: string;
  /** function of the signatory, masculine default wording */
  fonction: string;
  /** short code printed in the parchemin number */
  prefixe: string;
  /** the issuer's own calendar day is the date of issue (Nouméa is 10 h ahead of Paris) */
  timeZone: string;
}

const DREETS = "le directeur régional de l'économie, de l'emploi, du travail et des solidarités";
const DEETS = "le directeur de l'économie, de l'emploi, du travail et des solidarités";

const ZONES: Record<string, string> = {
  '01': 'America/Guadeloupe',
  '02': 'America/Martinique',
  '03': 'America/Cayenne',
  '04': 'Indian/Reunion',
  '06': 'Indian/Mayotte',
};

const regions: [code: string, nom: string, prefet: string, fonction: string][] = [
  ['01', 'Guadeloupe', 'le préfet de la région Guadeloupe', DEETS],
  ['02', 'Martinique', 'le préfet de la Martinique', DEETS],
  ['03', 'Guyane', 'le préfet de la région Guyane', DEETS],
  ['04', 'La Réunion', 'le préfet de La Réunion', DEETS],
  ['06', 'Mayotte', 'le préfet de Mayotte', DEETS],
  ['11', 'Île-de-France', "le préfet de la région d'Île-de-France, préfet de Paris", "le directeur régional et interdépartemental de l'économie, de l'emploi, du travail et des solidarités"],
  ['24', 'Centre-Val de Loire', 'le préfet de la région Centre-Val de Loire', DREETS],
  ['27', 'Bourgogne-Franche-Comté', 'le préfet de la région Bourgogne-Franche-Comté', DREETS],
  ['28', 'Normandie', 'le préfet de la région Normandie', DREETS],
  ['32', 'Hauts-de-France', 'le préfet de la région Hauts-de-France', DREETS],
  ['44', 'Grand Est', 'le préfet de la région Grand Est', DREETS],
  ['52', 'Pays de la Loire', 'le préfet de la région Pays de la Loire', DREETS],
  ['53', 'Bretagne', 'le préfet de la région Bretagne', DREETS],
  ['75', 'Nouvelle-Aquitaine', 'le préfet de la région Nouvelle-Aquitaine', DREETS],
  ['76', 'Occitanie', 'le préfet de la région Occitanie', DREETS],
  ['84', 'Auvergne-Rhône-Alpes', 'le préfet de la région Auvergne-Rhône-Alpes', DREETS],
  ['93', "Provence-Alpes-Côte d'Azur", "le préfet de la région Provence-Alpes-Côte d'Azur", DREETS],
  ['94', 'Corse', 'le préfet de Corse', DREETS],
];

const EMETTEURS = new Map<string, Emetteur>(
  regions.map(([code, nom, prefet, fonction]) => [code, { code, nom, autorite: `Pour ${prefet}, et par délégation,`, fonction, prefixe: code, timeZone: ZONES[code] ?? 'Europe/Paris' }]),
);
EMETTEURS.set(NOUVELLE_CALEDONIE, {
  code: NOUVELLE_CALEDONIE,
  nom: 'Nouvelle-Calédonie',
  autorite: 'Pour le haut-commissaire de la République en Nouvelle-Calédonie, et par délégation,',
  fonction: 'le directeur de la formation professionnelle continue',
  prefixe: 'NC',
  timeZone: 'Pacific/Noumea',
});

/** The issuer of a région code (or 988); throws a French message naming the code otherwise. */
export function emetteur(code: string): Emetteur {
  const found = EMETTEURS.get(String(code).trim());
  if (!found) throw new RangeError(`Service émetteur inconnu : « ${code} » (code région INSEE, ou 988 pour la Nouvelle-Calédonie).`);
  return found;
}

export const EMETTEUR_CODES = [...EMETTEURS.keys()];
