/**
 * The fixed registry of documents: id → template file in templates/ and how its data are prepared.
 * No request ever names a file: callers give an id from this list (carbone has no path-traversal check).
 * Every template is one repeated section (`d.pages[i]`) starting on a new page, so one document and a
 * batch of hundreds are the same template: a batch is one PDF of many pages.
 */
import {
  prepareCertificatCcs,
  prepareConvocationCandidat,
  prepareConvocationJure,
  prepareEmargement,
  prepareListeJurys,
  prepareListeJuresHabilites,
  prepareLivret,
  prepareParchemin,
  prepareProcesVerbal,
  type CertificatCcsInput,
  type ConvocationCandidatInput,
  type ConvocationJureInput,
  type EmargementInput,
  type ListeJurysInput,
  type ListeJuresHabilitesInput,
  type LivretInput,
  type ParcheminInput,
  type ProcesVerbalInput,
} from './models';
import type { Serie } from './numbering';

export interface InputOf {
  parchemin: ParcheminInput;
  livret: LivretInput;
  'certificat-ccs': CertificatCcsInput;
  'convocation-candidat': ConvocationCandidatInput;
  'convocation-jure': ConvocationJureInput;
  'liste-jurys': ListeJurysInput;
  'liste-jures-habilites': ListeJuresHabilitesInput;
  emargement: EmargementInput;
  'proces-verbal': ProcesVerbalInput;
}

export type TemplateId = keyof InputOf;

/** certification: issued to a holder after validated results (numbered when `serie`); session: for the session's people; liste: outside a session */
export type TemplateKind = 'certification' | 'convocation' | 'session' | 'liste';

export interface TemplateDefinition<I = unknown> {
  id: TemplateId;
  file: string;
  label: string;
  kind: TemplateKind;
  serie?: Serie;
  prepare: (input: I) => Record<string, unknown>;
}

const define = <K extends TemplateId>(id: K, file: string, label: string, kind: TemplateKind, prepare: (input: InputOf[K]) => Record<string, unknown>, serie?: Serie) =>
  ({ id, file, label, kind, prepare, serie }) as TemplateDefinition<InputOf[K]>;

export const TEMPLATES: { [K in TemplateId]: TemplateDefinition<InputOf[K]> } = {
  parchemin: define('parchemin', 'parchemin.fodt', 'Parchemin du titre professionnel', 'certification', prepareParchemin, 'TP'),
  livret: define('livret', 'livret-certification.fodt', 'Livret de certification', 'certification', prepareLivret),
  'certificat-ccs': define('certificat-ccs', 'certificat-ccs.fodt', 'Certificat complémentaire de spécialisation', 'certification', prepareCertificatCcs, 'CCS'),
  'convocation-candidat': define('convocation-candidat', 'convocation-candidat.fodt', 'Convocation du candidat', 'convocation', prepareConvocationCandidat),
  'convocation-jure': define('convocation-jure', 'convocation-jure.fodt', 'Convocation du membre de jury', 'convocation', prepareConvocationJure),
  'liste-jurys': define('liste-jurys', 'liste-jurys.fodt', 'Liste des membres du jury', 'session', prepareListeJurys),
  'liste-jures-habilites': define('liste-jures-habilites', 'liste-jures-habilites.fodt', 'Liste des jurés habilités', 'liste', prepareListeJuresHabilites),
  emargement: define('emargement', 'feuille-emargement.fodt', "Feuille d'émargement", 'session', prepareEmargement),
  'proces-verbal': define('proces-verbal', 'proces-verbal.fodt', 'Procès-verbal de session', 'session', prepareProcesVerbal),
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TEMPLATES, value);
}

export function templateOf<K extends TemplateId>(id: K): TemplateDefinition<InputOf[K]> {
  if (!isTemplateId(id)) throw new RangeError(`Modèle de document inconnu : « ${String(id)} ».`);
  return TEMPLATES[id];
}
