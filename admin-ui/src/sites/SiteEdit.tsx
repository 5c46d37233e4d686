import { BooleanInput, NumberInput, SimpleForm, TextInput, regex, required } from 'react-admin';
import { communeText, formPages, ReferenceSearch } from '../common/kit';

const SiteForm = () => (
  <SimpleForm>
    <TextInput source="nom" validate={required()} fullWidth />
    <ReferenceSearch source="centre" reference="centres" optionText="raisonSociale" validate={required()} />
    <TextInput source="adresse" fullWidth />
    <TextInput source="complementAdresse" fullWidth />
    <TextInput source="codePostal" validate={regex(/^\d{5}$/, 'Code postal à 5 chiffres')} />
    <ReferenceSearch source="commune" reference="communes" optionText={communeText} />
    <TextInput source="plateauTechnique" multiline fullWidth />
    <NumberInput source="capacite" min={0} />
    <BooleanInput source="actif" defaultValue />
  </SimpleForm>
);

export const { edit: SiteEdit, create: SiteCreate } = formPages(SiteForm);
