/**
 * The registry of everything the back-office can reach through /api/ra: resources (name → content
 * type and allow-lists) and workflow actions (POST /api/ra/<resource>/:id/<action>).
 * The app and each workflow plugin register theirs in register(); nothing else opens back-office routes.
 */
import type { ResourceDefinition } from '../domain/resource';
import type { Principal } from '../domain/access';

export interface ActionContext {
  principal: Principal;
  /** the record's numeric id, already checked against the principal's territory */
  id: number;
  documentId: string;
  body: unknown;
  /** files of a multipart/form-data call (formidable's description, by form field), size-capped by strapi::body */
  files?: Record<string, UploadedFile | UploadedFile[]>;
}

export interface UploadedFile {
  filepath: string;
  originalFilename: string | null;
  mimetype: string | null;
  size: number;
}

export interface ActionDefinition {
  resource: string;
  name: string;
  /** runs inside the bridge's transaction; returns the answer body (the updated record, usually, or a FileAnswer) */
  handler: (context: ActionContext) => Promise<unknown>;
  /** the action reads only (state, computed figures): no lock, no trace, and any field sent is refused */
  readOnly?: boolean;
}

/**
 * An action may answer a file instead of JSON (a PDF to view or download): the bridge sends `body` with
 * these headers. Plain data with a marker, so plugins build it without importing the bridge at run time.
 */
export interface FileAnswer {
  ceresFile: true;
  body: Buffer;
  filename: string;
  contentType: string;
  /** shown in the browser (PDF viewer) rather than saved */
  inline?: boolean;
}

export const isFileAnswer = (value: unknown): value is FileAnswer =>
  typeof value === 'object' && value !== null && (value as FileAnswer).ceresFile === true && Buffer.isBuffer((value as FileAnswer).body);

export interface WriteEvent {
  principal: Principal;
  resource: string;
  action: string;
  documentId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type WriteListener = (event: WriteEvent) => Promise<void>;

const RESERVED = new Set(['me', 'auth']);

export function createRegistry() {
  const resources = new Map<string, ResourceDefinition>();
  const actions = new Map<string, ActionDefinition>();
  const writeListeners: WriteListener[] = [];

  return {
    register(definition: ResourceDefinition) {
      if (RESERVED.has(definition.name)) throw new Error(`Nom de ressource réservé : ${definition.name}`);
      if (resources.has(definition.name)) throw new Error(`Ressource déclarée deux fois : ${definition.name}`);
      resources.set(definition.name, definition);
    },
    registerAction(definition: ActionDefinition) {
      actions.set(`${definition.resource}/${definition.name}`, definition);
    },
    /** called inside the write's transaction (traceability hooks in here) */
    onWrite(listener: WriteListener) {
      writeListeners.push(listener);
    },
    resource(name: string) {
      return resources.get(name);
    },
    action(resource: string, name: string) {
      return actions.get(`${resource}/${name}`);
    },
    resources() {
      return [...resources.values()];
    },
    async emitWrite(event: WriteEvent) {
      for (const listener of writeListeners) await listener(event);
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
