/**
 * Type checks of a create/update body against the content type's attributes, with French messages
 * naming the field. Unknown fields are refused, never ignored: a typo must not silently lose data.
 */
import { z } from 'zod';
import { badRequest, BridgeError } from './errors';
import type { ResourceDefinition } from './resource';

/** The subset of a Strapi attribute description the bridge reads (content-type schema.json). */
export interface AttributeDescription {
  type: string;
  required?: boolean;
  private?: boolean;
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  enum?: string[];
  regex?: string;
  relation?: string;
  target?: string;
  multiple?: boolean;
  writable?: boolean;
}

/** Fields the client echoes back (react-admin sends the whole record on PUT) and the server owns. */
export const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'];
export const MAX_STRING_LENGTH = 10_000;

const isRealDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1800 && year <= 2200;
};

// Strapi reads an id made only of digits, or starting with them, as a numeric id: documentIds start with a letter
const documentId = z.string().regex(/^[a-z][a-z0-9]{9,39}$/, 'identifiant invalide');

export function isToManyRelation(attribute: AttributeDescription) {
  return attribute.type === 'relation' && /ToMany$/.test(attribute.relation ?? '');
}

function fieldSchema(attribute: AttributeDescription): z.ZodType | null {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid':
    case 'password': {
      let schema = z.string().max(attribute.maxLength ?? MAX_STRING_LENGTH);
      if (attribute.minLength) schema = schema.min(attribute.minLength);
      if (attribute.type === 'email') return z.email();
      if (attribute.regex) schema = schema.regex(new RegExp(attribute.regex));
      return schema;
    }
    case 'integer':
    case 'biginteger': {
      let schema = z.number().int();
      if (attribute.min !== undefined) schema = schema.min(attribute.min);
      if (attribute.max !== undefined) schema = schema.max(attribute.max);
      return schema;
    }
    case 'float':
    case 'decimal':
      return z.number().finite();
    case 'boolean':
      return z.boolean();
    case 'date':
      return z.string().refine(isRealDate, 'date impossible (format attendu AAAA-MM-JJ)');
    case 'datetime':
      return z.iso.datetime({ offset: true });
    case 'time':
      return z.string().regex(/^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/);
    case 'enumeration':
      return z.enum(attribute.enum as [string, ...string[]]);
    case 'json':
      return z.unknown();
    case 'relation':
      return isToManyRelation(attribute) ? z.array(documentId).max(1000) : documentId;
    default:
      return null; // media, components and dynamic zones are not written through the generic bridge
  }
}

function frenchMessage(issue: z.core.$ZodIssue, attribute: AttributeDescription, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'est obligatoire' : `doit être ${expectedLabel(attribute)}`;
    case 'too_big':
      return issue.origin === 'array' ? `contient trop d'éléments (${issue.maximum} au plus)` : issue.origin === 'string' ? `est trop long (${issue.maximum} caractères au plus)` : `doit être inférieur ou égal à ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' ? `est trop court (${issue.minimum} caractères au moins)` : `doit être supérieur ou égal à ${issue.minimum}`;
    case 'invalid_value':
      return `doit valoir l'une des valeurs : ${(attribute.enum ?? []).join(', ')}`;
    case 'invalid_format':
      return attribute.type === 'email' ? "n'est pas une adresse électronique valide" : attribute.type === 'datetime' ? "n'est pas une date-heure ISO valide" : "n'a pas le format attendu";
    default:
      return issue.message && !/^Invalid/.test(issue.message) ? `: ${issue.message}` : "n'est pas valide";
  }
}

function expectedLabel(attribute: AttributeDescription) {
  switch (attribute.type) {
    case 'integer':
    case 'biginteger':
      return 'un nombre entier';
    case 'float':
    case 'decimal':
      return 'un nombre';
    case 'boolean':
      return 'vrai ou faux';
    case 'date':
      return 'une date (AAAA-MM-JJ)';
    case 'relation':
      return isToManyRelation(attribute) ? 'une liste d’identifiants' : 'un identifiant';
    default:
      return 'du texte';
  }
}

/**
 * Checks a body and returns the data to write. `create` requires the required attributes; `update`
 * accepts any subset (PUT merges: react-admin's updateMany sends only the changed fields).
 */
export function checkBody(
  body: unknown,
  attributes: Record<string, AttributeDescription>,
  resource: ResourceDefinition,
  mode: 'create' | 'update',
): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('body', 'Le corps de la requête doit être un objet JSON.');
  }
  const readOnly = new Set(resource.readOnly ?? []);
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
    if (SYSTEM_FIELDS.includes(field)) continue;
    const attribute = attributes[field];
    if (!attribute || attribute.private || (resource.hidden ?? []).includes(field)) {
      throw badRequest(field, `Champ inconnu « ${field} » pour ${resource.label}.`);
    }
    if (readOnly.has(field) || attribute.writable === false) {
      // echoed back unchanged by the edit form: tolerated only in an update, and then ignored
      if (mode === 'update') continue;
      throw badRequest(field, `Le champ « ${field} » ne peut pas être saisi.`);
    }
    const schema = fieldSchema(attribute);
    if (!schema) throw badRequest(field, `Le champ « ${field} » ne peut pas être modifié ici.`);
    if (value === null || (value === '' && attribute.type !== 'string' && attribute.type !== 'text')) {
      if (attribute.required) throw badRequest(field, `Le champ « ${field} » est obligatoire.`);
      data[field] = isToManyRelation(attribute) ? [] : null;
      continue;
    }
    const parsed = schema.safeParse(typeof value === 'string' && attribute.type !== 'password' ? value.trim() : value);
    if (!parsed.success) {
      throw badRequest(field, `Le champ « ${field} » ${frenchMessage(parsed.error.issues[0], attribute, value)}.`);
    }
    if (attribute.required && typeof parsed.data === 'string' && parsed.data === '') {
      throw badRequest(field, `Le champ « ${field} » est obligatoire.`);
    }
    data[field] = parsed.data;
  }
  if (mode === 'create') {
    for (const [field, attribute] of Object.entries(attributes)) {
      if (attribute.required && !readOnly.has(field) && (data[field] === undefined || data[field] === null)) {
        throw badRequest(field, `Le champ « ${field} » est obligatoire.`);
      }
    }
  }
  return data;
}

export function throwFieldErrors(errors: { field: string; message: string }[]) {
  if (errors.length) {
    const [first] = errors;
    throw new BridgeError(400, first.message, first.field, errors.length > 1 ? { errors } : undefined);
  }
}
