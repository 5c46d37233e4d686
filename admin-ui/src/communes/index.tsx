import HomeWorkIcon from '@mui/icons-material/HomeWork';
import {
  DataTable, FunctionField, NumberField, NumberInput, ReferenceManyField, SearchInput, SelectField, SelectInput, SimpleForm, TextField, TextInput, regex,
  required, useRecordContext,
} from 'react-admin';
import { codeNom, communeText, FicheShow, formPages, ReferenceSearch, RefField, ResourceList } from '../common/kit';

export const TYPES_COMMUNE = [
  { id: 'COMMUNE_ACTUELLE', name: 'Commune actuelle' },
  { id: 'COMMUNE_DELEGUEE', name: 'Commune déléguée' },
  { id: 'COMMUNE_ASSOCIEE', name: 'Commune associée' },
  { id: 'ARRONDISSEMENT_MUNICIPAL', name: 'Arrondissement municipal' },
];

const typeName = (record: { type: string }) => TYPES_COMMUNE.find((t) => t.id === record.type)?.name;

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom ou code INSEE (accents et tirets facultatifs)" />,
  <ReferenceSearch key="departement" source="departement" reference="departements" alwaysOn optionText={codeNom} />,
  <SelectInput key="type" source="type" choices={TYPES_COMMUNE} />,
];

export const CommuneList = () => (
  <ResourceList filters={filters} sort={{ field: 'nom', order: 'ASC' }}>
    <DataTable.Col source="codeInsee" />
    <DataTable.Col source="nom" />
    <DataTable.Col source="type" render={typeName} />
    <DataTable.Col source="departement" disableSort>
      <RefField source="departement" reference="departements" text={codeNom} />
    </DataTable.Col>
    <DataTable.Col source="population" field={NumberField} />
  </ResourceList>
);

const CodesPostaux = () => {
  const record = useRecordContext<{ codesPostaux?: string[] | null }>();
  return <span>{record?.codesPostaux?.join(', ') || '—'}</span>;
};

export const CommuneShow = () => (
  <FicheShow>
    <TextField source="codeInsee" />
    <TextField source="nom" />
    <SelectField source="type" choices={TYPES_COMMUNE} />
    <RefField source="departement" reference="departements" text={codeNom} link="show" />
    <RefField source="communeParente" reference="communes" text={communeText} link="show" emptyText="—" />
    <FunctionField source="codesPostaux" render={() => <CodesPostaux />} />
    <NumberField source="population" emptyText="—" />
    <ReferenceManyField label="Communes déléguées, associées ou arrondissements" reference="communes" target="communeParente" sort={{ field: 'nom', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
        <DataTable.Col source="codeInsee" />
        <DataTable.Col source="nom" />
        <DataTable.Col source="type" render={typeName} />
      </DataTable>
    </ReferenceManyField>
  </FicheShow>
);

const CommuneForm = () => (
  <SimpleForm>
    <TextInput source="codeInsee" validate={[required(), regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE sur 5 caractères (ex. 69123, 2A004)')]} />
    <TextInput source="nom" validate={required()} fullWidth helperText="Typographie exacte : accents, tirets et apostrophes (ex. L'Haÿ-les-Roses)" />
    <SelectInput source="type" choices={TYPES_COMMUNE} validate={required()} defaultValue="COMMUNE_ACTUELLE" />
    <ReferenceSearch source="departement" reference="departements" optionText={codeNom} validate={required()} />
    <ReferenceSearch source="communeParente" reference="communes" filter={{ type: 'COMMUNE_ACTUELLE' }} optionText={communeText} hint="Pour une commune déléguée, associée ou un arrondissement" />
    <NumberInput source="population" />
  </SimpleForm>
);

export const { edit: CommuneEdit, create: CommuneCreate } = formPages(CommuneForm);

export default {
  list: CommuneList,
  show: CommuneShow,
  edit: CommuneEdit,
  create: CommuneCreate,
  icon: HomeWorkIcon,
  recordRepresentation: communeText,
};
