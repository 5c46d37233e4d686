import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  Edit,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useRecordContext,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { MODALITES, TYPES } from './choix';

/** Type, title, CCPs/CCS, centre and dates are the session's identity: editable while in preparation only. */
const Fields = ({ creating }: { creating?: boolean }) => {
  const record = useRecordContext();
  const type = useWatch({ name: 'type' });
  const titre = useWatch({ name: 'titre' });
  const locked = !creating && record?.statut !== 'EN_PREPARATION';
  const frozenResponsable = ['RESULTATS_TRANSMIS', 'RESULTATS_VALIDES', 'CLOTUREE', 'DEVERROUILLEE'].includes(record?.statut);
  return (
    <>
      <SelectInput source="type" choices={TYPES} validate={required()} disabled={locked} />
      <ReferenceInput source="centre" reference="centres">
        <AutocompleteInput optionText="raisonSociale" filterToQuery={(q) => ({ q })} validate={required()} disabled={locked} />
      </ReferenceInput>
      <ReferenceInput source="titre" reference="titres">
        <AutocompleteInput optionText={(t: { code: string; intitule: string }) => `${t.code} ${t.intitule}`} filterToQuery={(q) => ({ q })} disabled={locked} />
      </ReferenceInput>
      {type === 'CCP' ? (
        <ReferenceArrayInput source="ccps" reference="ccps" filter={titre ? { titres: titre } : {}}>
          <AutocompleteArrayInput optionText={(c: { code: string; intitule: string }) => `${c.code} ${c.intitule}`} filterToQuery={(q) => ({ q })} disabled={locked} />
        </ReferenceArrayInput>
      ) : null}
      {type === 'CCS' ? (
        <ReferenceInput source="ccs" reference="ccss" filter={titre ? { titre } : {}}>
          <AutocompleteInput optionText={(c: { code: string; intitule: string }) => `${c.code} ${c.intitule}`} filterToQuery={(q) => ({ q })} disabled={locked} />
        </ReferenceInput>
      ) : null}
      <DateInput source="dateDebut" validate={required()} disabled={locked} />
      <DateInput source="dateFin" validate={required()} disabled={locked} />
      <TextInput source="responsableSession" disabled={frozenResponsable} helperText={frozenResponsable ? 'Non modifiable une fois les résultats transmis' : undefined} />
      <TextInput source="lieu" fullWidth />
      <NumberInput source="nbCandidatsPrevus" min={0} />
      <SelectInput source="modalite" choices={MODALITES} />
      <BooleanInput source="prolongation" disabled={locked} />
    </>
  );
};

export const SessionCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ type: 'TITRE', modalite: 'PRESENTIEL' }}>
      <Fields creating />
    </SimpleForm>
  </Create>
);

export const SessionEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic">
    <SimpleForm>
      <Fields />
    </SimpleForm>
  </Edit>
);
