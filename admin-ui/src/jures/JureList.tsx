import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  DataTable,
  EditButton,
  ExportButton,
  FilterButton,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { ContactButton } from './ContactDialog';

type Rec = Record<string, string | null | undefined>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Nom, prénom, métier, employeur, courriel" />,
  <ReferenceInput key="departement" source="departement" reference="departements" alwaysOn>
    <AutocompleteInput label="Département" optionText={(d: Rec) => `${d.code} ${d.nom}`} filterToQuery={(q) => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="retraite" source="retraite" label="Retraité" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Nouveau juré" />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);

/** v1.7.1: the list of jurors shows phone and address, and the UD edits them from the row. */
const EditContact = () => {
  const { canAccess } = useCanAccess({ resource: 'jures', action: 'edit' });
  return canAccess ? (
    <>
      <ContactButton />
      <EditButton label="Modifier" />
    </>
  ) : null;
};

export const JureList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'nom', order: 'ASC' }} perPage={25} title="Jurés">
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="nom" label="Nom" render={(j: Rec) => (j.nom ?? '').toUpperCase()} />
      <DataTable.Col source="prenom" label="Prénom" />
      <DataTable.Col source="metier" label="Métier" />
      <DataTable.Col source="telephone" label="Téléphone" />
      <DataTable.Col source="email" label="Courriel" disableSort />
      <DataTable.Col label="Adresse">
        <FunctionField render={(j: Rec) => [j.adresse, j.complementAdresse, j.codePostal].filter(Boolean).join(', ')} />
      </DataTable.Col>
      <DataTable.Col source="departement" label="Dép." disableSort>
        <ReferenceField source="departement" reference="departements" link={false}>
          <TextField source="code" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="retraite" label="Retraité" disableSort render={(j: Record<string, unknown>) => (j.retraite ? 'Oui' : 'Non')} />
      <DataTable.Col label="">
        <EditContact />
      </DataTable.Col>
    </DataTable>
  </List>
);
