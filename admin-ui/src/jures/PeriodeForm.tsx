import { AutocompleteInput, Create, DateInput, Edit, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';

type Rec = Record<string, string | null | undefined>;

// back to the juror's record once saved
const versJure = (_resource?: string, _id?: unknown, data?: Record<string, unknown>) => (data?.jure ? `jures/${data.jure}/show` : 'jures');

const PeriodeForm = () => (
  <SimpleForm>
    <ReferenceInput source="jure" reference="jures">
      <AutocompleteInput label="Juré" optionText={(j: Rec) => `${(j.nom ?? '').toUpperCase()} ${j.prenom ?? ''}`} filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <DateInput source="dateDebut" label="Début" validate={required()} />
    <DateInput source="dateFin" label="Fin (vide : en cours)" />
    <TextInput source="metier" label="Métier exercé" fullWidth />
    <TextInput source="employeur" label="Employeur" fullWidth />
  </SimpleForm>
);

export const PeriodeCreate = () => (
  <Create redirect={versJure} title="Nouvelle période d’expérience dans le métier">
    <PeriodeForm />
  </Create>
);

export const PeriodeEdit = () => (
  <Edit mutationMode="pessimistic" redirect={versJure} title="Période d’expérience dans le métier">
    <PeriodeForm />
  </Edit>
);
