import MapIcon from '@mui/icons-material/Map';
import { DataTable, ReferenceManyField, SearchInput, SimpleForm, TextField, TextInput, regex, required } from 'react-admin';
import { FicheShow, formPages, ResourceList } from '../common/kit';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Nom ou code de la région" />];

export const RegionList = () => (
  <ResourceList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable.Col source="code" />
    <DataTable.Col source="nom" />
    <DataTable.Col source="chefLieu" />
  </ResourceList>
);

export const RegionShow = () => (
  <FicheShow>
    <TextField source="code" />
    <TextField source="nom" />
    <TextField source="chefLieu" />
    <ReferenceManyField label="Départements" reference="departements" target="region" sort={{ field: 'code', order: 'ASC' }} perPage={50}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="nom" />
      </DataTable>
    </ReferenceManyField>
  </FicheShow>
);

const RegionForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={[required(), regex(/^\d{2}$/, 'Code de région sur deux chiffres (ex. 84)')]} />
    <TextInput source="nom" validate={required()} fullWidth />
    <TextInput source="chefLieu" helperText="Code INSEE de la commune chef-lieu" />
  </SimpleForm>
);

export const { edit: RegionEdit, create: RegionCreate } = formPages(RegionForm);

export default {
  list: RegionList,
  show: RegionShow,
  edit: RegionEdit,
  create: RegionCreate,
  icon: MapIcon,
  recordRepresentation: (r: { code: string; nom: string }) => `${r.nom} (${r.code})`,
};
