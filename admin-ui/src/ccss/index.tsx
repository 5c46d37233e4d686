import AddModeratorIcon from '@mui/icons-material/AddModerator';
import {
  AutocompleteInput, Create, CreateButton, DataTable, DateField, DateInput, Edit, ExportButton, FilterButton, FunctionField, List,
  ReferenceField, ReferenceInput, SearchInput, Show, SimpleForm, TabbedShowLayout, TextField, TextInput, TopToolbar, required,
} from 'react-admin';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';
import { titreText } from '../titres';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Intitulé ou code" />,
  <ReferenceInput key="titre" source="titre" reference="titres" alwaysOn>
    <AutocompleteInput optionText={titreText} filterToQuery={(q) => ({ q })} sx={{ minWidth: 320 }} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

const fr = { locales: 'fr-FR' } as const;

export const CcsList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="code" />
      <DataTable.Col source="intitule" />
      <DataTable.Col source="titre" disableSort>
        <ReferenceField source="titre" reference="titres" link={false}>
          <FunctionField render={titreText} />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="dateFinValidite">
        <DateField source="dateFinValidite" {...fr} />
      </DataTable.Col>
    </DataTable>
  </List>
);

export const CcsShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Fiche">
        <TextField source="code" />
        <TextField source="intitule" />
        <ReferenceField source="titre" reference="titres" link="show">
          <FunctionField render={titreText} />
        </ReferenceField>
        <TextField source="codeRncp" emptyText="—" />
        <DateField source="dateDebutValidite" emptyText="—" {...fr} />
        <DateField source="dateFinValidite" emptyText="—" {...fr} />
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);

const CcsForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="intitule" validate={required()} fullWidth multiline />
    <ReferenceInput source="titre" reference="titres">
      <AutocompleteInput optionText={titreText} filterToQuery={(q) => ({ q })} validate={required()} fullWidth />
    </ReferenceInput>
    <TextInput source="codeRncp" />
    <DateInput source="dateDebutValidite" />
    <DateInput source="dateFinValidite" />
  </SimpleForm>
);

export const CcsEdit = () => (
  <Edit mutationMode="pessimistic">
    <CcsForm />
  </Edit>
);

export const CcsCreate = () => (
  <Create redirect="show">
    <CcsForm />
  </Create>
);

export default {
  list: CcsList,
  show: CcsShow,
  edit: CcsEdit,
  create: CcsCreate,
  icon: AddModeratorIcon,
  recordRepresentation: (c: { code: string; intitule: string }) => `${c.code} — ${c.intitule}`,
};
