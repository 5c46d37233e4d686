import AddModeratorIcon from '@mui/icons-material/AddModerator';
import { DataTable, DateField, DateInput, SearchInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { DateCol, FicheShow, formPages, ReferenceSearch, RefField, ResourceList } from '../common/kit';
import { titreText } from '../titres';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Intitulé ou code" />,
  <ReferenceSearch key="titre" source="titre" reference="titres" alwaysOn optionText={titreText} sx={{ minWidth: 320 }} />,
];

const fr = { locales: 'fr-FR' } as const;

export const CcsList = () => (
  <ResourceList filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable.Col source="code" />
    <DataTable.Col source="intitule" />
    <DataTable.Col source="titre" disableSort>
      <RefField source="titre" reference="titres" text={titreText} />
    </DataTable.Col>
    <DateCol source="dateFinValidite" />
  </ResourceList>
);

export const CcsShow = () => (
  <FicheShow>
    <TextField source="code" />
    <TextField source="intitule" />
    <RefField source="titre" reference="titres" text={titreText} link="show" />
    <TextField source="codeRncp" emptyText="—" />
    <DateField source="dateDebutValidite" emptyText="—" {...fr} />
    <DateField source="dateFinValidite" emptyText="—" {...fr} />
  </FicheShow>
);

const CcsForm = () => (
  <SimpleForm>
    <TextInput source="code" validate={required()} />
    <TextInput source="intitule" validate={required()} fullWidth multiline />
    <ReferenceSearch source="titre" reference="titres" optionText={titreText} validate={required()} fullWidth />
    <TextInput source="codeRncp" />
    <DateInput source="dateDebutValidite" />
    <DateInput source="dateFinValidite" />
  </SimpleForm>
);

export const { edit: CcsEdit, create: CcsCreate } = formPages(CcsForm);

export default {
  list: CcsList,
  show: CcsShow,
  edit: CcsEdit,
  create: CcsCreate,
  icon: AddModeratorIcon,
  recordRepresentation: (c: { code: string; intitule: string }) => `${c.code} — ${c.intitule}`,
};
