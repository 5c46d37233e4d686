/**
 * The shape shared by the referential and organisation screens (one place, so they stay alike):
 * a list = filters + FilterButton/CreateButton/export toolbar + 25 rows + a DataTable opening the record;
 * a show page = a "Fiche" tab, optional tabs, then the Historique tab; edit is pessimistic (the server's
 * French refusal stays on the form), create opens the new record.
 */
import { Fragment, type ComponentType, type ReactElement, type ReactNode } from 'react';
import {
  AutocompleteInput, ChipField, Create, CreateButton, DataTable, DateField, Edit, ExportButton, FilterButton, FunctionField, List, ReferenceArrayField,
  ReferenceField, ReferenceInput, Show, SingleFieldList, TabbedShowLayout, TextField, TopToolbar, type AutocompleteInputProps, type SortPayload,
} from 'react-admin';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';

/** the bridge's accent-insensitive search parameter, for every autocomplete */
export const qSearch = (q: string) => ({ q });

/** "TP-01280 Développeur web et web mobile" (a title or CCS by its code) */
export const codeIntitule = (t: { code: string; intitule: string }) => `${t.code} ${t.intitule}`;
/** "69 Rhône" */
export const codeNom = (r: { code: string; nom: string }) => `${r.code} ${r.nom}`;
/** "Saint-Denis (93066)": homonyms are frequent, a commune is always shown with its code */
export const communeText = (c: { codeInsee: string; nom: string }) => `${c.nom} (${c.codeInsee})`;

export const ListActions = ({ createLabel }: { createLabel?: string }) => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label={createLabel} />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

interface ResourceListProps {
  filters: ReactElement[];
  sort: SortPayload;
  title?: string;
  createLabel?: string;
  /** a provider around the table (e.g. data read once for the whole page) */
  around?: ComponentType<{ children: ReactNode }>;
  /** the DataTable.Col columns */
  children: ReactNode;
}

export const ResourceList = ({ filters, sort, title, createLabel, around: Around, children }: ResourceListProps) => {
  const table = <DataTable rowClick="show">{children}</DataTable>;
  return (
    <List filters={filters} actions={<ListActions createLabel={createLabel} />} sort={sort} perPage={25} title={title}>
      {Around ? <Around>{table}</Around> : table}
    </List>
  );
};

/** A date column, JJ/MM/AAAA. */
export const DateCol = ({ source, label }: { source: string; label?: string }) => (
  <DataTable.Col source={source} label={label}>
    <DateField source={source} locales="fr-FR" />
  </DataTable.Col>
);

/** `tabs`: further TabbedShowLayout.Tab elements (with keys), between the Fiche and the Historique */
export const FicheShow = ({ children, tabs = [] }: { children: ReactNode; tabs?: ReactElement[] }) => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Fiche">{children}</TabbedShowLayout.Tab>
      {tabs}
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);

/** The edit and create pages of one form. */
export function formPages(Form: ComponentType, options: { createTitle?: string } = {}) {
  const edit = () => (
    <Edit mutationMode="pessimistic">
      <Form />
    </Edit>
  );
  const create = () => (
    <Create redirect="show" title={options.createTitle}>
      <Form />
    </Create>
  );
  return { edit, create };
}

type Text<R> = string | ((record: R) => string);

const fieldsOf = <R,>(text: Text<R> | string[]) =>
  typeof text === 'function' ? (
    <FunctionField render={text as (record: unknown) => string} />
  ) : (
    // several fields: "TP-01280 Développeur web…", one TextField each, a space between
    (Array.isArray(text) ? text : [text]).map((field, i) => (
      <Fragment key={field}>
        {i > 0 ? ' ' : null}
        <TextField source={field} />
      </Fragment>
    ))
  );

/** A related record shown by one or more of its fields, or a text function (no link in lists, link="show" on a fiche). */
export function RefField<R extends Record<string, unknown> = never>(props: { source: string; reference: string; text: Text<R> | string[]; link?: false | 'show'; emptyText?: string; label?: string }) {
  const { source, reference, text, link = false, emptyText } = props;
  return (
    <ReferenceField source={source} reference={reference} link={link} emptyText={emptyText}>
      {fieldsOf(text)}
    </ReferenceField>
  );
}

/** Related records (a to-many relation) as chips of one field, e.g. the CCPs by code. */
export const Chips = ({ source, reference, text = 'code' }: { source: string; reference: string; text?: string; label?: string }) => (
  <ReferenceArrayField source={source} reference={reference}>
    <SingleFieldList linkType={false}>
      <ChipField source={text} />
    </SingleFieldList>
  </ReferenceArrayField>
);

type SearchProps<R> = {
  source: string;
  reference: string;
  optionText: Text<R>;
  /** the helper text under the input (the list filter sets its own `helperText` on the element: left to ReferenceInput) */
  hint?: string;
  validate?: AutocompleteInputProps['validate'];
  fullWidth?: boolean;
  sx?: AutocompleteInputProps['sx'];
  alwaysOn?: boolean;
  filter?: Record<string, unknown>;
  [other: string]: unknown;
};

/** A relation picked by the bridge's search (`q`), in a form or as a list filter. */
export function ReferenceSearch<R extends Record<string, unknown> = never>({ optionText, hint, validate, fullWidth, sx, ...reference }: SearchProps<R>) {
  return (
    <ReferenceInput {...(reference as { source: string; reference: string })}>
      <AutocompleteInput
        optionText={optionText as AutocompleteInputProps['optionText']}
        filterToQuery={qSearch}
        validate={validate}
        helperText={hint}
        fullWidth={fullWidth}
        sx={sx}
      />
    </ReferenceInput>
  );
}
