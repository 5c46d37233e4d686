/**
 * What each template receives. Callers pass domain-shaped input (dates as AAAA-MM-JJ, birth place as
 * commune or country, codes as recorded); `prepare` checks what the paper needs, formats everything
 * (dates JJ/MM/AAAA, place of birth, levels, labels) and sanitises every string. Templates then only
 * print ready-made strings: no formatting logic hides in the .fodt files.
 */
import { DocumentDataError } from './errors';
import { emetteur as emetteurOf } from './emetteurs';
import {
  civiliteLong,
  formatDate,
  formatDateLong,
  formatHeure,
  formatList,
  formatLieuNaissance,
  formatNiveau,
  formatNomComplet,
  formatPrenoms,
  neOuNee,
  type DateInput,
  type Identite,
  type LieuNaissance,
} from './format';
import { sanitizeData, sanitizeText } from './sanitize';

// ---------------------------------------------------------------- inputs

export interface TitreInput {
  code: string;
  intitule: string;
  niveau: string | number;
  codeRncp?: string | null;
  codesNsf?: string | string[] | null;
  /** reference of the arrêté de spécialité, e.g. "arrêté du 11 juin 2018" */
  arrete?: string | null;
}

export interface PersonneInput extends Identite {
  dateNaissance: DateInput;
  lieuNaissance: LieuNaissance;
}

export interface SignataireInput {
  nom?: string | null;
  /** overrides the default function of the issuer (e.g. feminine wording, interim) */
  fonction?: string | null;
}

export interface DelivranceInput {
  /** issuing service: INSEE région code, or 988 for Nouvelle-Calédonie */
  emetteur: string;
  lieuDelivrance: string;
  /** AAAA-MM-JJ; set by the issue service (original date on a reissue) */
  dateDelivrance?: DateInput;
  /** set by the issue service; absent on a preview */
  numero?: string | null;
  signataire?: SignataireInput | null;
  /** set by the issue service on a reissue: date of this re-edition */
  dateReedition?: DateInput;
}

export interface ParcheminInput extends DelivranceInput {
  titulaire: PersonneInput;
  titre: TitreInput;
  /** date of the jury's deliberation */
  dateJury: DateInput;
}

export type ModaliteCcp = 'SESSION' | 'EQUIVALENCE' | 'VAE' | 'CAPITALISATION';

export interface LivretInput extends DelivranceInput {
  titulaire: PersonneInput;
  titre: TitreInput;
  ccps: { code: string; intitule: string; dateObtention: DateInput; modalite: ModaliteCcp; session?: string | null }[];
}

export interface CertificatCcsInput extends DelivranceInput {
  titulaire: PersonneInput;
  ccs: { code: string; intitule: string; codeRs?: string | null; niveau?: string | number | null };
  titre: TitreInput;
  dateJury: DateInput;
}

export interface AdresseInput {
  lignes?: string[] | null;
  codePostal?: string | null;
  commune?: string | null;
}

export interface EpreuveInput {
  nature: string;
  date: DateInput;
  heureDebut?: string | null;
  duree?: string | null;
}

export type TypeSession = 'TITRE' | 'CCP' | 'CCS';

export interface SessionInput {
  numero: string;
  type: TypeSession;
  titre: TitreInput;
  ccps?: { code: string; intitule: string }[] | null;
  ccs?: { code: string; intitule: string } | null;
  dateDebut: DateInput;
  dateFin: DateInput;
  centre: { nom: string; adresse?: AdresseInput | null; telephone?: string | null };
  /** where the tests take place (site / plateau technique); defaults to the centre */
  lieu?: { nom?: string | null; adresse?: AdresseInput | null } | null;
  responsable?: { nom: string; telephone?: string | null; email?: string | null } | null;
  epreuves?: EpreuveInput[] | null;
}

export interface ConvocationCandidatInput {
  session: SessionInput;
  candidat: Identite & { adresse?: AdresseInput | null; dateNaissance?: DateInput };
  /** first day and time the candidate must be there */
  dateConvocation: DateInput;
  heureConvocation: string;
  piecesAFournir?: string[] | null;
  dateEdition: DateInput;
}

export interface JureInput {
  civilite?: 'F' | 'M' | null;
  nom: string;
  prenoms: string | string[];
  qualite?: string | null;
  employeur?: string | null;
  telephone?: string | null;
  email?: string | null;
  adresse?: AdresseInput | null;
  habilitationFin?: DateInput;
}

export interface ConvocationJureInput {
  session: SessionInput;
  jure: JureInput;
  jury: JureInput[];
  nombreCandidats: number;
  dateConvocation: DateInput;
  heureConvocation: string;
  dateEdition: DateInput;
}

export interface ListeJurysInput {
  session: SessionInput;
  jures: JureInput[];
  dateEdition: DateInput;
}

/** The habilitated jurors a centre may call on, outside any session (the centre's printable list, issue 6). */
export interface ListeJuresHabilitesInput {
  centre: { nom: string; adresse?: AdresseInput | null };
  /** the selection printed in the header, as the agent chose it on the screen */
  criteres?: { titre?: string | null; departement?: string | null; actifDu?: DateInput; actifAu?: DateInput; statut?: string | null } | null;
  lignes: { jure: JureInput; habilitation: { objet: string; dateDebut: DateInput; dateFin: DateInput; departement?: string | null } }[];
  dateEdition: DateInput;
}

export interface CandidatSessionInput extends Identite {
  dateNaissance: DateInput;
  presence?: 'PRESENT' | 'ABSENT' | 'ABSENT_JUSTIFIE' | 'ABANDON' | null;
  ccps?: { code: string; resultat: 'ACQUIS' | 'NON_ACQUIS' | 'DEJA_ACQUIS' | 'ACQUIS_PAR_EQUIVALENCE' | null }[] | null;
  entretienFinal?: boolean | null;
  decision?: 'TITRE_OBTENU' | 'REUSSITE_PARTIELLE' | 'ECHEC' | 'ABSENT' | 'CCS_OBTENU' | 'CCS_NON_OBTENU' | null;
  observations?: string | null;
}

export interface EmargementInput {
  session: SessionInput;
  /** the day this sheet is signed */
  date: DateInput;
  candidats: CandidatSessionInput[];
  jures: JureInput[];
}

export interface ProcesVerbalInput {
  session: SessionInput;
  jury: JureInput[];
  candidats: CandidatSessionInput[];
  lieu: string;
  date: DateInput;
}

// ---------------------------------------------------------------- helpers

function required(value: unknown, field: string, label: string): string {
  const text = sanitizeText(value);
  if (!text) throw new DocumentDataError(field, `${label} manquant(e) : le document ne peut pas être produit.`);
  return text;
}

function date(value: DateInput, field: string, label: string, mandatory = true): string {
  try {
    const text = formatDate(value);
    if (!text && mandatory) throw new DocumentDataError(field, `${label} manquante : le document ne peut pas être produit.`);
    return text;
  } catch (error) {
    if (error instanceof DocumentDataError) throw error;
    throw new DocumentDataError(field, `${label} : ${(error as Error).message}`);
  }
}

function dateLong(value: DateInput, field: string, label: string): string {
  date(value, field, label);
  return formatDateLong(value);
}

function heure(value: string | null | undefined, field: string): string {
  try {
    return formatHeure(value);
  } catch (error) {
    throw new DocumentDataError(field, (error as Error).message);
  }
}

function adresse(value: AdresseInput | null | undefined): string {
  if (!value) return '';
  const ville = [value.codePostal, value.commune].map((v) => sanitizeText(v)).filter(Boolean).join(' ');
  return [...(value.lignes ?? []).map((l) => sanitizeText(l)), ville].filter(Boolean).join(', ');
}

function titre(input: TitreInput, field: string) {
  if (!input) throw new DocumentDataError(field, 'Titre professionnel manquant : le document ne peut pas être produit.');
  let niveau: string;
  try {
    niveau = formatNiveau(input.niveau);
  } catch (error) {
    throw new DocumentDataError(`${field}.niveau`, (error as Error).message);
  }
  return {
    titreCode: required(input.code, `${field}.code`, 'Code du titre'),
    titreIntitule: required(input.intitule, `${field}.intitule`, 'Intitulé du titre'),
    niveau,
    rncp: sanitizeText(input.codeRncp),
    nsf: formatList(input.codesNsf),
    arrete: sanitizeText(input.arrete),
  };
}

/** "de Développeur web…", "d’Assistant de vie aux familles": French elision before a vowel or a mute h. */
export function deTitre(intitule: string): string {
  return /^[aeiouyhàâäéèêëîïôöûüœæ]/i.test(intitule) ? `d’${intitule}` : `de ${intitule}`;
}

/** The lines of mandatory mentions (France Compétences) under the title's wording. */
function mentions(t: ReturnType<typeof titre>) {
  return {
    mentionCode: `Code du titre : ${t.titreCode}`,
    mentionRncp: t.rncp ? `Enregistré au répertoire national des certifications professionnelles (RNCP) sous le numéro ${t.rncp}` : 'Enregistré de droit au répertoire national des certifications professionnelles (RNCP)',
    mentionNsf: t.nsf ? `Code(s) NSF : ${t.nsf}` : '',
    vuArrete: `Vu l’${t.arrete || 'arrêté'} relatif au titre professionnel ${deTitre(t.titreIntitule)} ;`,
  };
}

function personne(input: PersonneInput, field: string) {
  if (!input) throw new DocumentDataError(field, 'Identité du titulaire manquante.');
  required(input.nomNaissance, `${field}.nomNaissance`, 'Nom de naissance');
  if (!formatPrenoms(input.prenoms ?? [])) throw new DocumentDataError(`${field}.prenoms`, 'Prénom(s) manquant(s) : le document ne peut pas être produit.');
  const lieu = formatLieuNaissance(input.lieuNaissance ?? {});
  if (!lieu) throw new DocumentDataError(`${field}.lieuNaissance`, 'Lieu de naissance manquant : commune de naissance (née en France) ou pays de naissance (né à l’étranger).');
  const dateNaissance = date(input.dateNaissance, `${field}.dateNaissance`, 'Date de naissance');
  return {
    civilite: civiliteLong(input.civilite),
    nomComplet: formatNomComplet(input),
    nomNaissance: sanitizeText(input.nomNaissance),
    nomUsage: sanitizeText(input.nomUsage),
    prenoms: formatPrenoms(input.prenoms),
    dateNaissance,
    lieuNaissance: lieu,
    naissance: `${neOuNee(input.civilite)} le ${dateNaissance} à ${lieu}`,
  };
}

function delivrance(input: DelivranceInput, field = '') {
  let issuer;
  try {
    issuer = emetteurOf(input.emetteur);
  } catch (error) {
    throw new DocumentDataError(`${field}emetteur`, (error as Error).message);
  }
  const lieu = required(input.lieuDelivrance, `${field}lieuDelivrance`, 'Lieu de délivrance');
  const dateDelivrance = dateLong(input.dateDelivrance, `${field}dateDelivrance`, 'Date de délivrance');
  const reedition = input.dateReedition ? formatDate(input.dateReedition) : '';
  return {
    faitA: `Fait à ${lieu}, le ${dateDelivrance}`,
    lieuDelivrance: lieu,
    dateDelivrance,
    autorite: issuer.autorite,
    fonction: sanitizeText(input.signataire?.fonction) || issuer.fonction,
    signataire: sanitizeText(input.signataire?.nom),
    emetteur: issuer.nom,
    numero: sanitizeText(input.numero) || 'SPÉCIMEN — non numéroté',
    reedition: reedition ? `Réédition du ${reedition} — numéro et date de délivrance d’origine conservés` : '',
  };
}

const MODALITES: Record<ModaliteCcp, string> = {
  SESSION: 'Session d’examen',
  EQUIVALENCE: 'Équivalence',
  VAE: 'Validation des acquis de l’expérience',
  CAPITALISATION: 'Capitalisation',
};

const TYPES_SESSION: Record<TypeSession, string> = {
  TITRE: 'Session titre professionnel',
  CCP: 'Session certificat de compétences professionnelles (CCP)',
  CCS: 'Session certificat complémentaire de spécialisation (CCS)',
};

const PRESENCES: Record<string, string> = { PRESENT: 'Présent', ABSENT: 'Absent', ABSENT_JUSTIFIE: 'Absent (justifié)', ABANDON: 'Abandon' };
const RESULTATS_CCP: Record<string, string> = { ACQUIS: 'acquis', NON_ACQUIS: 'non acquis', DEJA_ACQUIS: 'déjà acquis', ACQUIS_PAR_EQUIVALENCE: 'acquis par équivalence' };
const DECISIONS: Record<string, string> = {
  TITRE_OBTENU: 'Titre obtenu',
  REUSSITE_PARTIELLE: 'Réussite partielle',
  ECHEC: 'Titre non obtenu',
  ABSENT: 'Absent',
  CCS_OBTENU: 'CCS obtenu',
  CCS_NON_OBTENU: 'CCS non obtenu',
};

function session(input: SessionInput, field = 'session') {
  if (!input) throw new DocumentDataError(field, 'Session manquante : le document ne peut pas être produit.');
  const t = titre(input.titre, `${field}.titre`);
  const debut = date(input.dateDebut, `${field}.dateDebut`, 'Date de début de session');
  const fin = date(input.dateFin, `${field}.dateFin`, 'Date de fin de session');
  const lieuNom = sanitizeText(input.lieu?.nom) || required(input.centre?.nom, `${field}.centre.nom`, 'Nom du centre');
  const lieuAdresse = adresse(input.lieu?.adresse) || adresse(input.centre?.adresse);
  let objet = `${t.titreIntitule} (${t.titreCode})`;
  if (input.type === 'CCP' && input.ccps?.length) objet += ` — ${input.ccps.map((c) => `${sanitizeText(c.code)} ${sanitizeText(c.intitule)}`).join(' ; ')}`;
  if (input.type === 'CCS' && input.ccs) objet = `${sanitizeText(input.ccs.intitule)} (${sanitizeText(input.ccs.code)}), certificat complémentaire du titre ${objet}`;
  return {
    sessionNumero: required(input.numero, `${field}.numero`, 'Numéro de session'),
    sessionType: TYPES_SESSION[input.type] ?? required(undefined, `${field}.type`, 'Type de session'),
    sessionObjet: objet,
    ...t,
    dates: debut === fin ? `le ${debut}` : `du ${debut} au ${fin}`,
    centre: required(input.centre?.nom, `${field}.centre.nom`, 'Nom du centre'),
    centreAdresse: adresse(input.centre?.adresse),
    centreTelephone: sanitizeText(input.centre?.telephone),
    lieu: lieuAdresse ? `${lieuNom}, ${lieuAdresse}` : lieuNom,
    responsable: sanitizeText(input.responsable?.nom),
    responsableContact: [input.responsable?.telephone, input.responsable?.email].map((v) => sanitizeText(v)).filter(Boolean).join(' — '),
    epreuves: (input.epreuves ?? []).map((e, i) => ({
      nature: required(e.nature, `${field}.epreuves[${i}].nature`, 'Nature de l’épreuve'),
      date: date(e.date, `${field}.epreuves[${i}].date`, 'Date de l’épreuve'),
      heure: heure(e.heureDebut, `${field}.epreuves[${i}].heureDebut`),
      duree: sanitizeText(e.duree),
    })),
  };
}

function jure(input: JureInput, field: string) {
  const nom = required(input.nom, `${field}.nom`, 'Nom du juré');
  const prenoms = formatPrenoms(input.prenoms ?? []);
  return {
    civilite: civiliteLong(input.civilite),
    nom,
    prenoms,
    nomComplet: [civiliteLong(input.civilite), prenoms, nom].filter(Boolean).join(' '),
    qualite: sanitizeText(input.qualite),
    employeur: sanitizeText(input.employeur),
    telephone: sanitizeText(input.telephone),
    email: sanitizeText(input.email),
    adresse: adresse(input.adresse),
    habilitationFin: date(input.habilitationFin, `${field}.habilitationFin`, 'Fin d’habilitation', false),
  };
}

function candidatSession(input: CandidatSessionInput, field: string, index: number) {
  required(input.nomNaissance, `${field}.nomNaissance`, 'Nom de naissance');
  return {
    rang: index + 1,
    nomNaissance: sanitizeText(input.nomNaissance),
    nomUsage: sanitizeText(input.nomUsage),
    prenoms: formatPrenoms(input.prenoms ?? []),
    nomComplet: formatNomComplet(input),
    dateNaissance: date(input.dateNaissance, `${field}.dateNaissance`, 'Date de naissance'),
    presence: PRESENCES[input.presence ?? ''] ?? '',
    ccps: (input.ccps ?? []).map((c) => `${sanitizeText(c.code)} : ${RESULTATS_CCP[c.resultat ?? ''] ?? '—'}`).join(' ; '),
    entretienFinal: input.entretienFinal === true ? 'Oui' : input.entretienFinal === false ? 'Non' : '',
    decision: DECISIONS[input.decision ?? ''] ?? '',
    observations: sanitizeText(input.observations),
  };
}

const PIECES_PAR_DEFAUT = [
  'une pièce d’identité en cours de validité (carte nationale d’identité, passeport ou titre de séjour)',
  'le dossier professionnel (DP) et ses annexes éventuelles',
  'le livret des évaluations passées en cours de formation (ECF), le cas échéant',
  'la présente convocation',
];

// ---------------------------------------------------------------- one page per input

export function prepareParchemin(input: ParcheminInput) {
  const t = titre(input.titre, 'titre');
  return sanitizeData({
    ...t,
    ...mentions(t),
    ...personne(input.titulaire, 'titulaire'),
    dateJury: date(input.dateJury, 'dateJury', 'Date de délibération du jury'),
    ...delivrance(input),
  });
}

export function prepareLivret(input: LivretInput) {
  if (!input.ccps?.length) throw new DocumentDataError('ccps', 'Aucun CCP obtenu : pas de livret de certification à délivrer.');
  const t = titre(input.titre, 'titre');
  return sanitizeData({
    ...t,
    ...mentions(t),
    ...personne(input.titulaire, 'titulaire'),
    ccps: input.ccps.map((c, i) => ({
      code: required(c.code, `ccps[${i}].code`, 'Code du CCP'),
      intitule: required(c.intitule, `ccps[${i}].intitule`, 'Intitulé du CCP'),
      date: date(c.dateObtention, `ccps[${i}].dateObtention`, 'Date d’obtention du CCP'),
      modalite: MODALITES[c.modalite] ?? required(undefined, `ccps[${i}].modalite`, 'Modalité d’obtention'),
      session: sanitizeText(c.session),
    })),
    ...delivrance(input),
  });
}

export function prepareCertificatCcs(input: CertificatCcsInput) {
  if (!input.ccs) throw new DocumentDataError('ccs', 'Certificat complémentaire de spécialisation manquant.');
  const t = titre(input.titre, 'titre');
  return sanitizeData({
    ...t,
    ...mentions(t),
    ...personne(input.titulaire, 'titulaire'),
    ccsCode: required(input.ccs.code, 'ccs.code', 'Code du CCS'),
    ccsIntitule: required(input.ccs.intitule, 'ccs.intitule', 'Intitulé du CCS'),
    ccsRs: sanitizeText(input.ccs.codeRs),
    dateJury: date(input.dateJury, 'dateJury', 'Date de délibération du jury'),
    ...delivrance(input),
  });
}

export function prepareConvocationCandidat(input: ConvocationCandidatInput) {
  const s = session(input.session);
  required(input.candidat?.nomNaissance, 'candidat.nomNaissance', 'Nom de naissance');
  return sanitizeData({
    ...s,
    destinataire: [civiliteLong(input.candidat.civilite), formatNomComplet(input.candidat)].filter(Boolean).join(' '),
    destinataireAdresse: adresse(input.candidat.adresse),
    dateNaissance: date(input.candidat.dateNaissance, 'candidat.dateNaissance', 'Date de naissance', false),
    rendezVous: `le ${date(input.dateConvocation, 'dateConvocation', 'Date de convocation')} à ${heure(input.heureConvocation, 'heureConvocation') || required(undefined, 'heureConvocation', 'Heure de convocation')}`,
    pieces: (input.piecesAFournir?.length ? input.piecesAFournir : PIECES_PAR_DEFAUT).map((p) => ({ libelle: sanitizeText(p) })),
    dateEdition: date(input.dateEdition, 'dateEdition', 'Date d’édition'),
  });
}

export function prepareConvocationJure(input: ConvocationJureInput) {
  const s = session(input.session);
  if (!input.jure) throw new DocumentDataError('jure', 'Juré manquant.');
  const j = jure(input.jure, 'jure');
  return sanitizeData({
    ...s,
    destinataire: j.nomComplet,
    destinataireAdresse: j.adresse,
    jury: (input.jury ?? []).map((m, i) => jure(m, `jury[${i}]`)),
    nombreCandidats: Number.isInteger(input.nombreCandidats) ? String(input.nombreCandidats) : required(undefined, 'nombreCandidats', 'Nombre de candidats'),
    rendezVous: `le ${date(input.dateConvocation, 'dateConvocation', 'Date de convocation')} à ${heure(input.heureConvocation, 'heureConvocation') || required(undefined, 'heureConvocation', 'Heure de convocation')}`,
    dateEdition: date(input.dateEdition, 'dateEdition', 'Date d’édition'),
  });
}

export function prepareListeJurys(input: ListeJurysInput) {
  return sanitizeData({
    ...session(input.session),
    jures: (input.jures ?? []).map((j, i) => jure(j, `jures[${i}]`)),
    dateEdition: date(input.dateEdition, 'dateEdition', 'Date d’édition'),
  });
}

export function prepareEmargement(input: EmargementInput) {
  return sanitizeData({
    ...session(input.session),
    jour: date(input.date, 'date', 'Date du jour d’épreuve'),
    candidats: (input.candidats ?? []).map((c, i) => candidatSession(c, `candidats[${i}]`, i)),
    jures: (input.jures ?? []).map((j, i) => jure(j, `jures[${i}]`)),
  });
}

export function prepareProcesVerbal(input: ProcesVerbalInput) {
  const s = session(input.session);
  if (!input.jury || input.jury.length < 2) throw new DocumentDataError('jury', 'Le jury doit compter au moins deux membres pour établir le procès-verbal.');
  return sanitizeData({
    ...s,
    jury: input.jury.map((j, i) => jure(j, `jury[${i}]`)),
    candidats: (input.candidats ?? []).map((c, i) => candidatSession(c, `candidats[${i}]`, i)),
    faitA: `Fait à ${required(input.lieu, 'lieu', 'Lieu')}, le ${dateLong(input.date, 'date', 'Date du procès-verbal')}`,
  });
}

export function prepareListeJuresHabilites(input: ListeJuresHabilitesInput) {
  const criteres = input.criteres ?? {};
  const du = date(criteres.actifDu, 'criteres.actifDu', 'Début de période', false);
  const au = date(criteres.actifAu, 'criteres.actifAu', 'Fin de période', false);
  const selection = [
    sanitizeText(criteres.titre) && `titre ou CCS : ${sanitizeText(criteres.titre)}`,
    sanitizeText(criteres.departement) && `département : ${sanitizeText(criteres.departement)}`,
    du && au ? `habilitation active du ${du} au ${au}` : du ? `habilitation active le ${du}` : au ? `habilitation active le ${au}` : '',
    sanitizeText(criteres.statut) && `statut : ${sanitizeText(criteres.statut)}`,
  ].filter(Boolean);
  const lignes = (input.lignes ?? []).map((ligne, i) => {
    const debut = date(ligne.habilitation?.dateDebut, `lignes[${i}].habilitation.dateDebut`, 'Début d’habilitation');
    const fin = date(ligne.habilitation?.dateFin, `lignes[${i}].habilitation.dateFin`, 'Fin d’habilitation');
    return {
      ...jure(ligne.jure, `lignes[${i}].jure`),
      habilitation: required(ligne.habilitation?.objet, `lignes[${i}].habilitation.objet`, 'Titre ou CCS de l’habilitation'),
      periode: `du ${debut} au ${fin}`,
      departement: sanitizeText(ligne.habilitation?.departement),
    };
  });
  return sanitizeData({
    centre: required(input.centre?.nom, 'centre.nom', 'Nom du centre'),
    centreAdresse: adresse(input.centre?.adresse),
    selection: selection.length ? `Sélection : ${selection.join(' ; ')}` : 'Sélection : tous les jurés habilités',
    nombre: lignes.length === 0 ? 'Aucun juré habilité ne correspond à la sélection.' : lignes.length === 1 ? '1 habilitation' : `${lignes.length} habilitations`,
    lignes,
    dateEdition: date(input.dateEdition, 'dateEdition', 'Date d’édition'),
  });
}
