import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  Edit,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  email,
  regex,
  required,
} from 'react-admin';
import { Typography } from '@mui/material';

type Rec = Record<string, string | null | undefined>;

const JureForm = () => (
  <SimpleForm>
    <Typography variant="subtitle1">Identité</Typography>
    <SelectInput source="civilite" label="Civilité" choices={[{ id: 'M', name: 'M.' }, { id: 'MME', name: 'Mme' }]} />
    <TextInput source="nom" label="Nom" validate={required()} />
    <TextInput source="prenom" label="Prénom" validate={required()} />
    <DateInput source="dateNaissance" label="Date de naissance" />
    <Typography variant="subtitle1">Coordonnées</Typography>
    <TextInput source="telephone" label="Téléphone" validate={regex(/^\+?[0-9 .()-]{6,20}$/, 'Numéro de téléphone invalide')} />
    <TextInput source="email" label="Courriel" validate={email('Adresse électronique invalide')} />
    <TextInput source="adresse" label="Adresse" fullWidth />
    <TextInput source="complementAdresse" label="Complément d’adresse" fullWidth />
    <TextInput source="codePostal" label="Code postal" validate={regex(/^\d{5}$/, 'Code postal à 5 chiffres')} />
    <ReferenceInput source="commune" reference="communes">
      <AutocompleteInput label="Commune" optionText={(c: Rec) => `${c.nom} (${c.codeInsee})`} filterToQuery={(q) => ({ q })} />
    </ReferenceInput>
    <ReferenceInput source="departement" reference="departements">
      <AutocompleteInput label="Département (DDETS/UD qui gère le juré)" optionText={(d: Rec) => `${d.code} ${d.nom}`} filterToQuery={(q) => ({ q })} validate={required()} />
    </ReferenceInput>
    <Typography variant="subtitle1">Activité professionnelle</Typography>
    <TextInput source="metier" label="Métier" validate={required()} fullWidth />
    <TextInput source="codeRome" label="Code ROME" validate={regex(/^[A-N]\d{4}$/, 'Code ROME de la forme A1234')} />
    <TextInput source="employeur" label="Employeur" fullWidth />
    <BooleanInput source="retraite" label="Retraité" />
    <FormDataConsumer>{({ formData }) => (formData.retraite ? <DateInput source="dateRetraite" label="Date de départ en retraite" validate={required()} /> : null)}</FormDataConsumer>
    <DateInput source="dateProfessionnalisation" label="Session de professionnalisation suivie le" />
    <Typography variant="subtitle1">Impartialité</Typography>
    <ReferenceArrayInput source="centresLies" reference="centres">
      <AutocompleteArrayInput label="Centres avec lesquels le juré a un lien déclaré" optionText="raisonSociale" filterToQuery={(q) => ({ q })} />
    </ReferenceArrayInput>
    <ArrayInput source="entreprisesLiees" label="Entreprises avec lesquelles le juré a un lien déclaré">
      <SimpleFormIterator inline disableReordering>
        <TextInput source="raisonSociale" label="Raison sociale" validate={required()} />
        <TextInput source="siret" label="SIRET (facultatif)" />
      </SimpleFormIterator>
    </ArrayInput>
    <TextInput source="natureLiens" label="Nature des liens déclarés (salarié, formateur…)" multiline fullWidth />
    <TextInput source="observations" label="Observations" multiline fullWidth />
  </SimpleForm>
);

export const JureEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" title="Modifier le juré">
    <JureForm />
  </Edit>
);

export const JureCreate = () => (
  <Create redirect="show" title="Nouveau juré">
    <JureForm />
  </Create>
);
