import { downloadCSV, type Exporter } from 'react-admin';
import { jjmmaaaa, libelleStatut } from './statuts';

/** CSV for a spreadsheet in French: semicolons, quoted cells when needed, BOM so that accents survive. */
export function toCsv(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '';
  const headers = Object.keys(rows[0]);
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [headers.map(cell).join(';'), ...rows.map((row) => headers.map((h) => cell(row[h])).join(';'))].join('\r\n');
}

/** The habilitated jurors with their contact details (the list a centre picks its jury from). */
export const exporterHabilitations: Exporter = async (records, fetchRelatedRecords) => {
  const jures = await fetchRelatedRecords(records, 'jure', 'jures');
  const communes = await fetchRelatedRecords(Object.values(jures), 'commune', 'communes');
  const titres = await fetchRelatedRecords(records, 'titre', 'titres');
  const ccss = await fetchRelatedRecords(records, 'ccs', 'ccss');
  const departements = await fetchRelatedRecords(records, 'departement', 'departements');
  const rows = records.map((h) => {
    const j = jures[h.jure] ?? {};
    const titre = h.titre ? titres[h.titre] : null;
    const ccs = h.ccs ? ccss[h.ccs] : null;
    return {
      Nom: j.nom,
      Prénom: j.prenom,
      Téléphone: j.telephone,
      Courriel: j.email,
      Adresse: [j.adresse, j.complementAdresse].filter(Boolean).join(', '),
      'Code postal': j.codePostal,
      Commune: j.commune ? communes[j.commune]?.nom : '',
      Métier: j.metier,
      Employeur: j.employeur,
      Titre: titre ? `${titre.code} ${titre.intitule}` : '',
      CCS: ccs ? `${ccs.code} ${ccs.intitule}` : '',
      'Début habilitation': jjmmaaaa(h.dateDebut),
      'Fin habilitation': jjmmaaaa(h.dateFin),
      Statut: libelleStatut(h.statut),
      'Département de délivrance': h.departement ? departements[h.departement]?.code : '',
    };
  });
  downloadCSV(`\ufeff${toCsv(rows)}`, 'jures-habilites');
};
