/**
 * What a resource declares to the bridge. Pure data plus pure functions: no Strapi, no Koa.
 * Registered by the app and by the workflow plugins through the bridge's `registry` service.
 */
export type FilterOperator = 'eq' | 'in' | 'gte' | 'lte' | 'gt' | 'lt' | 'neq' | 'null';

export interface FilterDefinition {
  /** attribute of the content type (defaults to the filter key) */
  field?: string;
  /** operators accepted as `key`, `key_gte`, `key_lte`… (default: eq + in; ranges for dates and numbers) */
  operators?: FilterOperator[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ResourceDefinition {
  /** name in the URL: /api/ra/<name> */
  name: string;
  /** Strapi content type */
  uid: string;
  /** French label, for messages */
  label: string;
  /** fields whose normalised concatenation `q` searches (accent-, case-, hyphen-, apostrophe-insensitive) */
  search?: string[];
  /** allow-listed filter keys; relation attributes filter by documentId(s) */
  filters?: Record<string, FilterDefinition>;
  /** allow-listed sort fields (scalar attributes) */
  sort?: string[];
  defaultSort?: [string, 'ASC' | 'DESC'];
  /** attributes never written through the bridge (computed, workflow-owned). Private ones are never read nor written. */
  readOnly?: string[];
  /** fields the bridge omits from responses (besides private ones) */
  hidden?: string[];
  /** the resource can only be read through the bridge (workflow-owned or maintained elsewhere) */
  readOnlyResource?: boolean;
  /** relations returned with each record, as documentId(s); default: every to-one relation */
  relations?: string[];
  /**
   * Row-level scope: the SQL condition (on the resource's own table, columns unqualified, "id" the
   * numeric key) selecting the rows a territory may reach. Absent: every row is visible (referentials).
   */
  territory?: (territory: import('./access').Territory) => { sql: string; bindings: unknown[] } | 'all' | 'none';
  /** domain rules on a whole record about to be written (after type checks); returns the errors found */
  validate?: (record: Record<string, unknown>, context: ValidationContext) => FieldError[] | Promise<FieldError[]>;
  /**
   * A read-only resource served by its own reader instead of a content type (e.g. the trace log, a
   * SQL view): list and show call it after the permission matrix check; it applies its own filters and scope.
   * Such a resource must also be `readOnlyResource`; `uid` then only names it.
   */
  reader?: ResourceReader;
}

export interface ResourceReader {
  list(query: ListQuery, principal: import('./access').Principal): Promise<{ total: number; records: ReaderRecord[] }>;
  /** null when the record does not exist or is out of the principal's reach (404) */
  findOne(id: string, principal: import('./access').Principal): Promise<ReaderRecord | null>;
}

export type ReaderRecord = Record<string, unknown> & { id: string };

export interface ValidationContext {
  mode: 'create' | 'update';
  /** the record before the change (update only) */
  previous?: Record<string, unknown>;
  /** who writes (profile and territory), for rules that depend on it */
  principal?: import('./access').Principal;
  /** resolves relation documentIds to records, for rules that need them */
  lookup: (resource: string, documentId: string) => Promise<Record<string, unknown> | null>;
}

export type ListQuery = {
  sort: { field: string; order: 'ASC' | 'DESC' };
  range: { start: number; end: number };
  filter: Record<string, unknown>;
};
