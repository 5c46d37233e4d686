import HomeWorkIcon from '@mui/icons-material/HomeWork';
import {
  AutocompleteInput, Create, CreateButton, DataTable, Edit, ExportButton, FilterButton, FunctionField, List, NumberField, NumberInput,
  ReferenceField, ReferenceInput, ReferenceManyField, SearchInput, SelectField, SelectInput, Show, SimpleForm, TabbedShowLayout, TextField,
  TextInput, TopToolbar, regex, required, useRecordContext,
} from 'react-admin';
import { HistoriqueTab } from '../tracabilite/HistoriqueTab';

export const TYPES_COMMUNE = [
  { id: 'COMMUNE_ACTUELLE', name: 'Commune actuelle' },
  { id: 'COMMUNE_DELEGUEE', name: 'Commune déléguée' },
  { id: 'COMMUNE_ASSOCIEE', name: 'Commune associée' },
  { id: 'ARRONDISSEMENT_MUNICIPAL', name: 'Arrondissement municipal' },
];

const departementText = (d: { code: string; nom: string }) => `${d.code} ${d.nom}`;
/** homonyms are frequent (many Saint-Denis): a commune is always shown with its code */
export const communeText = (c: { codeInsee: string; nom: string }) => `${c.nom} (${c.codeInsee})`;

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou code INSEE (accents et tirets facultatifs)" />,
  <ReferenceInput key="departement" source="departement" reference="departements" alwaysOn>
    <AutocompleteInput optionText={departementText} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <SelectInput key="type" source="type" choices={TYPES_COMMUNE} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

export const CommuneList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'nom', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show">
      <DataTable.Col source="codeInsee" />
      <DataTable.Col source="nom" />
      <DataTable.Col source="type" render={(record: { type: string }) => TYPES_COMMUNE.find((t) => t.id === record.type)?.name} />
      <DataTable.Col source="departement" disableSort>
        <ReferenceField source="departement" reference="departements" link={false}>
          <FunctionField render={departementText} />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="population" field={NumberField} />
    </DataTable>
  </List>
);

const CodesPostaux = () => {
  const record = useRecordContext<{ codesPostaux?: string[] | null }>();
  return <span>{record?.codesPostaux?.join(', ') || '—'}</span>;
};

export const CommuneShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Fiche">
        <TextField source="codeInsee" />
        <TextField source="nom" />
        <SelectField source="type" choices={TYPES_COMMUNE} />
        <ReferenceField source="departement" reference="departements" link="show">
          <FunctionField render={departementText} />
        </ReferenceField>
        <ReferenceField source="communeParente" reference="communes" link="show" emptyText="—">
          <FunctionField render={communeText} />
        </ReferenceField>
        <FunctionField source="codesPostaux" render={() => <CodesPostaux />} />
        <NumberField source="population" emptyText="—" />
        <ReferenceManyField label="Communes déléguées, associées ou arrondissements" reference="communes" target="communeParente" sort={{ field: 'nom', order: 'ASC' }}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
            <DataTable.Col source="codeInsee" />
            <DataTable.Col source="nom" />
            <DataTable.Col source="type" render={(record: { type: string }) => TYPES_COMMUNE.find((t) => t.id === record.type)?.name} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <HistoriqueTab path="historique" />
    </TabbedShowLayout>
  </Show>
);

const CommuneForm = () => (
  <SimpleForm>
    <TextInput source="codeInsee" validate={[required(), regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE sur 5 caractères (ex. 69123, 2A004)')]} />
    <TextInput source="nom" validate={required()} fullWidth helperText="Typographie exacte : accents, tirets et apostrophes (ex. L'Haÿ-les-Roses)" />
    <SelectInput source="type" choices={TYPES_COMMUNE} validate={required()} defaultValue="COMMUNE_ACTUELLE" />
    <ReferenceInput source="departement" reference="departements">
      <AutocompleteInput optionText={departementText} filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="communeParente" reference="communes" filter={{ type: 'COMMUNE_ACTUELLE' }}>
      <AutocompleteInput optionText={communeText} filterToQuery={(q) => ({ q })} helperText="Pour une commune déléguée, associée ou un arrondissement" />
    </ReferenceInput>
    <NumberInput source="population" />
  </SimpleForm>
);

export const CommuneEdit = () => (
  <Edit mutationMode="pessimistic">
    <CommuneForm />
  </Edit>
);

export const CommuneCreate = () => (
  <Create redirect="show">
    <CommuneForm />
  </Create>
);

export default {
  list: CommuneList,
  show: CommuneShow,
  edit: CommuneEdit,
  create: CommuneCreate,
  icon: HomeWorkIcon,
  recordRepresentation: communeText,
};
