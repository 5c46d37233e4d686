import MapIcon from '@mui/icons-material/Map';
import {
  Create, CreateButton, DataTable, Edit, ExportButton, FilterButton, List, ReferenceManyField, SearchInput, Show, SimpleForm,
  TabbedShowLayout, TextField, TextInput, TopToolbar, regex, required,
} from 'react-admin';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Nom ou code de la région" />];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const RegionList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="code" />
      <DataTable.Col source="nom" />
      <DataTable.Col source="chefLieu" />
    </DataTable>
  </List>
);

export const RegionShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Fiche">
        <TextField source="code" />
        <TextField source="nom" />
        <TextField source="chefLieu" />
        <ReferenceManyField label="Départements" reference="departements" target="region" sort={{ field: 'code', order: 'ASC' }} perPage={50}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="code" />
            <DataTable.Col source="nom" />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);

const RegionForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={[required(), regex(/^\d{2}$/, 'Code de région sur deux chiffres (ex. 84)')]} />
    <TextInput source="nom" validate={required()} fullWidth />
    <TextInput source="chefLieu" helperText="Code INSEE de la commune chef-lieu" />
  </SimpleForm>
);

export const RegionEdit = () => (
  <Edit mutationMode="pessimistic">
    <RegionForm />
  </Edit>
);

export const RegionCreate = () => (
  <Create redirect="show">
    <RegionForm />
  </Create>
);

export default {
  list: RegionList,
  show: RegionShow,
  edit: RegionEdit,
  create: RegionCreate,
  icon: MapIcon,
  recordRepresentation: (r: { code: string; nom: string }) => `${r.nom} (${r.code})`,
};
