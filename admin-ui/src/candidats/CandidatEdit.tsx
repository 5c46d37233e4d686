import { Stack } from '@mui/material';
import { AutocompleteInput, Create, Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, email } from 'react-admin';
import { SITUATIONS, prenomsTexte } from './choix';
import { ControleHomonymie, Identite, LieuNaissance, versRecord } from './Identite';

type Donnees = Record<string, unknown>;

const versFormulaire = (record: Donnees | undefined) =>
  record ? { ...record, prenomsSaisis: prenomsTexte(record.prenoms).split(' ').join(', '), lieu: record.paysNaissance ? 'ETRANGER' : 'FRANCE' } : { lieu: 'FRANCE' };

const Coordonnees = () => (
  <>
    {/* nationality: current countries only (the server refuses a former one) */}
    <ReferenceInput source="nationalite" reference="pays" filter={{ nature: ['ETAT', 'TERRITOIRE'], dateFin_null: true }} sort={{ field: 'nom', order: 'ASC' }}>
      <AutocompleteInput optionText="nom" filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <TextInput source="adresse" fullWidth />
    <TextInput source="complementAdresse" fullWidth />
    <Stack direction="row" spacing={2}>
      <TextInput source="codePostal" />
      <TextInput source="ville" />
    </Stack>
    <Stack direction="row" spacing={2}>
      <TextInput source="telephone" />
      <TextInput source="email" validate={email()} />
    </Stack>
    <SelectInput source="situation" choices={SITUATIONS} />
    {/* the employer: a juror linked to it is flagged on the session's jury (impartiality) */}
    <Stack direction="row" spacing={2}>
      <TextInput source="employeur" label="Employeur (raison sociale)" />
      <TextInput source="employeurSiret" label="SIRET de l'employeur" />
    </Stack>
  </>
);

export const CandidatCreate = () => (
  <Create redirect="show" transform={versRecord}>
    <SimpleForm defaultValues={{ lieu: 'FRANCE', confirmationNouvellePersonne: false }}>
      <Identite />
      <ControleHomonymie />
      <LieuNaissance />
      <Coordonnees />
    </SimpleForm>
  </Create>
);

export const CandidatEdit = () => (
  <Edit mutationMode="pessimistic" transform={versRecord} queryOptions={{ select: (record) => versFormulaire(record) as typeof record }}>
    <SimpleForm>
      <Identite />
      <LieuNaissance />
      <Coordonnees />
    </SimpleForm>
  </Edit>
);
