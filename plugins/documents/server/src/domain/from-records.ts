/**
 * From the app's records (session, centre, titre, inscription, candidat, juré as Strapi returns them, relations
 * populated) to the documents' input. Pure: the loading is in services/session-data.ts.
 */
import { NOUVELLE_CALEDONIE } from './emetteurs';
import type { AdresseInput, CandidatSessionInput, JureInput, PersonneInput, SessionInput, TitreInput } from './models';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : text(value) ? text(value).split(/\s*[,;]\s*/) : []);

export function titreOf(titre: Rec | null | undefined): TitreInput {
  return {
    code: text(titre?.code),
    intitule: text(titre?.intitule),
    niveau: titre?.niveau ?? '',
    codeRncp: text(titre?.codeRncp) || null,
    codesNsf: list(titre?.codeNsf),
    arrete: text(titre?.arrete) || null,
  };
}

function adresseOf(record: Rec | null | undefined, communeName?: string): AdresseInput {
  return { lignes: [text(record?.adresse), text(record?.complementAdresse)].filter(Boolean), codePostal: text(record?.codePostal), commune: communeName ?? text(record?.commune?.nom ?? record?.ville) };
}

export function sessionOf(session: Rec): SessionInput {
  const centre = session.centre ?? {};
  return {
    numero: text(session.numero),
    type: session.type,
    titre: titreOf(session.titre),
    ccps: (session.ccps ?? []).map((c: Rec) => ({ code: text(c.code), intitule: text(c.intitule) })),
    ccs: session.ccs ? { code: text(session.ccs.code), intitule: text(session.ccs.intitule) } : null,
    dateDebut: session.dateDebut,
    dateFin: session.dateFin,
    centre: { nom: text(centre.nomCommercial) || text(centre.raisonSociale), adresse: adresseOf(centre), telephone: text(centre.telephone) || null },
    lieu: text(session.lieu) ? { nom: text(session.lieu) } : null,
    responsable: text(session.responsableSession) ? { nom: text(session.responsableSession) } : null,
  };
}

/** Birth place as recorded: the commune's name AT BIRTH (stored label) first, then the referential, else the country. */
export function personneOf(candidat: Rec): PersonneInput {
  const commune = text(candidat.communeNaissanceLibelle)
    ? { nom: text(candidat.communeNaissanceLibelle), departement: text(candidat.communeNaissanceDepartement) ? { nom: text(candidat.communeNaissanceDepartement) } : null }
    : candidat.communeNaissance
      ? { nom: text(candidat.communeNaissance.nom), departement: candidat.communeNaissance.departement ? { code: text(candidat.communeNaissance.departement.code), nom: text(candidat.communeNaissance.departement.nom) } : null }
      : null;
  return {
    civilite: candidat.sexe === 'F' || candidat.sexe === 'M' ? candidat.sexe : null,
    nomNaissance: text(candidat.nomNaissance),
    nomUsage: text(candidat.nomUsage) || null,
    prenoms: Array.isArray(candidat.prenoms) ? candidat.prenoms.map(text) : text(candidat.prenoms),
    dateNaissance: candidat.dateNaissance,
    lieuNaissance: {
      commune,
      pays: !commune && candidat.paysNaissance ? { nom: text(candidat.paysNaissance.nom) || text(candidat.paysNaissance.libelleCog) } : null,
      villeEtrangere: text(candidat.villeNaissanceEtranger) || null,
    },
  };
}

export function candidatSessionOf(inscription: Rec): CandidatSessionInput {
  const ccps = Object.entries((inscription.resultatsCcp ?? {}) as Record<string, string>).map(([code, resultat]) => ({ code, resultat: resultat as never }));
  return {
    ...personneOf(inscription.candidat ?? {}),
    presence: inscription.presence ?? null,
    ccps,
    entretienFinal: inscription.entretienFinal ?? null,
    decision: inscription.decision ?? null,
  };
}

export function jureOf(jure: Rec): JureInput {
  return {
    civilite: jure.civilite === 'MME' ? 'F' : jure.civilite === 'M' ? 'M' : null,
    nom: text(jure.nom),
    prenoms: text(jure.prenom),
    qualite: text(jure.metier) || null,
    employeur: text(jure.employeur) || null,
    telephone: text(jure.telephone) || null,
    email: text(jure.email) || null,
    adresse: adresseOf(jure),
  };
}

/** The issuing service of a session: Nouvelle-Calédonie for 988, else the centre's région; and its seat. */
export function emetteurOf(session: Rec): { code: string; lieu: string } | null {
  const centre = session.centre ?? {};
  const departement = session.departement ?? centre.departement;
  if (text(departement?.code) === NOUVELLE_CALEDONIE) return { code: NOUVELLE_CALEDONIE, lieu: text(departement.chefLieu) || 'Nouméa' };
  const region = centre.region ?? departement?.region;
  if (!region?.code) return null;
  return { code: text(region.code), lieu: text(region.chefLieu) || text(region.nom) };
}
