/**
 * Hard identities and sample sessions for the rendering tests and the benchmark (France Compétences
 * advises testing a template with one person born in France and one born abroad; CERES v1.6/v1.7
 * defects: country in upper case, communes with hyphens and apostrophes).
 */
import type {
  ConvocationCandidatInput,
  ConvocationJureInput,
  EmargementInput,
  JureInput,
  LivretInput,
  ParcheminInput,
  PersonneInput,
  ProcesVerbalInput,
  SessionInput,
  TitreInput,
  CertificatCcsInput,
  ListeJurysInput,
  ListeJuresHabilitesInput,
} from '../domain/models';

export const DWWM: TitreInput = {
  code: 'TP-01280',
  intitule: 'Développeur web et web mobile',
  niveau: 5,
  codeRncp: 'RNCP37674',
  codesNsf: ['326t'],
  arrete: 'arrêté du 21 juillet 2023',
};

export const ADVF: TitreInput = {
  code: 'TP-00370',
  intitule: 'Assistant de vie aux familles',
  niveau: 'V',
  codeRncp: 'RNCP37715',
  codesNsf: ['330t'],
};

export const IDENTITES: Record<string, PersonneInput> = {
  hayRoses: {
    civilite: 'F',
    nomNaissance: "N'Guessan-Lefèvre",
    prenoms: ['Zoé', 'Marie-Hélène'],
    dateNaissance: '1990-01-01',
    lieuNaissance: { commune: { nom: "L'Haÿ-les-Roses", departement: { code: '94', nom: 'Val-de-Marne' } } },
  },
  rouvray: {
    civilite: 'M',
    nomNaissance: 'Œuvray-Dupont',
    nomUsage: "D'Aubigné",
    prenoms: 'Jean-Noël',
    dateNaissance: '1985-12-31',
    lieuNaissance: { commune: { nom: 'Saint-Étienne-du-Rouvray', departement: { code: '76', nom: 'Seine-Maritime' } } },
  },
  urss: {
    civilite: 'F',
    nomNaissance: 'Ivanova',
    prenoms: 'Ludmila',
    dateNaissance: '1979-03-08',
    lieuNaissance: { pays: { nom: 'U.R.S.S.' } },
  },
  yougoslavie: {
    civilite: 'M',
    nomNaissance: 'Petrović',
    prenoms: 'Dušan',
    dateNaissance: '1972-06-15',
    lieuNaissance: { pays: { nom: 'Yougoslavie' } },
  },
  coteIvoire: {
    civilite: 'M',
    nomNaissance: 'Kouassi',
    prenoms: 'Aimé',
    dateNaissance: '2001-02-28',
    lieuNaissance: { pays: { nom: "Côte d'Ivoire" }, villeEtrangere: 'Abidjan' },
  },
  tresLong: {
    civilite: 'F',
    nomNaissance: 'de La Rochefoucauld-Montmorency-Laval-Saint-Simon-Beauharnais',
    nomUsage: 'Wolfeschlegelsteinhausenbergerdorff-Von-Hohenzollern',
    prenoms: ['Marie-Antoinette', 'Ève-Angélique', 'Éléonore', 'Clémence-Héloïse'],
    dateNaissance: '1966-07-14',
    lieuNaissance: { commune: { nom: 'Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson', departement: { code: '51', nom: 'Marne' } } },
  },
  hostile: {
    civilite: 'M',
    nomNaissance: 'O"Brien <b>&amp; {d.secret}',
    prenoms: 'Line\u0007\uFFFE\uFFFFBreak\nHere',
    dateNaissance: '2000-02-29',
    lieuNaissance: { commune: { nom: 'Aix-en-Provence', departement: { code: '13', nom: 'Bouches-du-Rhône' } } },
  },
};

export function parchemin(titulaire: PersonneInput, numero = '84-2026-TP-000123', overrides: Partial<ParcheminInput> = {}): ParcheminInput {
  return {
    titulaire,
    titre: DWWM,
    dateJury: '2026-03-14',
    emetteur: '84',
    lieuDelivrance: 'Lyon',
    dateDelivrance: '2026-03-20',
    numero,
    signataire: { nom: 'Claire Martin-Dubois' },
    ...overrides,
  };
}

export const SESSION: SessionInput = {
  numero: 'S-2026-084-00042',
  type: 'TITRE',
  titre: DWWM,
  dateDebut: '2026-03-12',
  dateFin: '2026-03-14',
  centre: { nom: "Centre de formation de L'Haÿ-les-Roses", adresse: { lignes: ['12, rue de la Gare'], codePostal: '94240', commune: "L'Haÿ-les-Roses" }, telephone: '01 23 45 67 89' },
  lieu: { nom: 'Plateau technique Saint-Étienne', adresse: { lignes: ['3, allée des Œillets'], codePostal: '76800', commune: 'Saint-Étienne-du-Rouvray' } },
  responsable: { nom: 'Paul Lefèvre', telephone: '06 12 34 56 78', email: 'paul.lefevre@example.fr' },
  epreuves: [
    { nature: 'Mise en situation professionnelle', date: '2026-03-12', heureDebut: '08:30', duree: '7 h' },
    { nature: 'Entretien technique', date: '2026-03-13', heureDebut: '09:00', duree: '1 h' },
    { nature: 'Entretien final', date: '2026-03-14', heureDebut: '14:00', duree: '30 min' },
  ],
};

export const JURES: JureInput[] = [
  { civilite: 'F', nom: "D'Artagnan-Œillet", prenoms: 'Anne-Sophie', qualite: 'Développeuse senior', employeur: "SARL L'Atelier", telephone: '06 98 76 54 32', email: 'as.dartagnan@example.fr', adresse: { lignes: ['5, impasse des Tilleuls'], codePostal: '69003', commune: 'Lyon' }, habilitationFin: '2028-12-31' },
  { civilite: 'M', nom: 'Müller', prenoms: 'Jürgen', qualite: 'Chef de projet web', employeur: 'Web & Co', telephone: '+33 6 11 22 33 44', adresse: { lignes: ['Le Clos-Fleuri', '2, chemin du Puits'], codePostal: '38000', commune: 'Grenoble' }, habilitationFin: '2027-06-30' },
];

export function convocationCandidat(candidat: PersonneInput): ConvocationCandidatInput {
  return {
    session: SESSION,
    candidat: { ...candidat, adresse: { lignes: ['8, rue Jean-Jaurès'], codePostal: '94240', commune: "L'Haÿ-les-Roses" } },
    dateConvocation: '2026-03-12',
    heureConvocation: '08:00',
    dateEdition: '2026-02-01',
  };
}

export function convocationJure(jure: JureInput): ConvocationJureInput {
  return { session: SESSION, jure, jury: JURES, nombreCandidats: 8, dateConvocation: '2026-03-12', heureConvocation: '08:00', dateEdition: '2026-02-01' };
}

export function listeJurys(): ListeJurysInput {
  return { session: SESSION, jures: JURES, dateEdition: '2026-02-01' };
}

/** the centre's list of habilitated jurors, outside any session */
export function listeJuresHabilites(): ListeJuresHabilitesInput {
  return {
    centre: { nom: 'Institut Formation Rhône', adresse: { lignes: ['12 rue de Gerland'], codePostal: '69007', commune: 'Lyon' } },
    criteres: { titre: 'TP-01280 Développeur web et web mobile', actifDu: '2026-03-01', actifAu: '2026-06-30' },
    lignes: JURES.map((jure, i) => ({ jure, habilitation: { objet: 'TP-01280 Développeur web et web mobile', dateDebut: '2025-01-0' + (i + 1), dateFin: '2028-12-31', departement: '69' } })),
    dateEdition: '2026-02-01',
  };
}

export function candidatsSession() {
  return Object.values(IDENTITES).map((p, i) => ({
    ...p,
    presence: i === 3 ? ('ABSENT_JUSTIFIE' as const) : ('PRESENT' as const),
    ccps: [
      { code: 'CCP1', resultat: 'ACQUIS' as const },
      { code: 'CCP2', resultat: i % 2 ? ('NON_ACQUIS' as const) : ('ACQUIS' as const) },
    ],
    entretienFinal: i !== 3,
    decision: i === 3 ? ('ABSENT' as const) : i % 2 ? ('REUSSITE_PARTIELLE' as const) : ('TITRE_OBTENU' as const),
  }));
}

export function emargement(): EmargementInput {
  return { session: SESSION, date: '2026-03-12', candidats: candidatsSession(), jures: JURES };
}

export function procesVerbal(): ProcesVerbalInput {
  return { session: SESSION, jury: JURES, candidats: candidatsSession(), lieu: 'Saint-Étienne-du-Rouvray', date: '2026-03-14' };
}

export function livret(titulaire: PersonneInput): LivretInput {
  return {
    titulaire,
    titre: DWWM,
    ccps: [
      { code: 'CCP1', intitule: 'Développer la partie front-end d’une application web ou web mobile sécurisée', dateObtention: '2025-06-20', modalite: 'SESSION', session: 'S-2025-084-00017' },
      { code: 'CCP2', intitule: 'Développer la partie back-end d’une application web ou web mobile sécurisée', dateObtention: '2026-03-14', modalite: 'EQUIVALENCE' },
    ],
    emetteur: '11',
    lieuDelivrance: 'Aubervilliers',
    dateDelivrance: '2026-03-20',
  };
}

export function certificatCcs(titulaire: PersonneInput): CertificatCcsInput {
  return {
    titulaire,
    titre: ADVF,
    ccs: { code: 'CCS-00371', intitule: 'Accompagner la personne en situation de handicap vivant à domicile', codeRs: '' },
    dateJury: '2026-03-14',
    emetteur: '988',
    lieuDelivrance: 'Nouméa',
    dateDelivrance: '2026-03-21',
    numero: 'NC-2026-CCS-000007',
  };
}
