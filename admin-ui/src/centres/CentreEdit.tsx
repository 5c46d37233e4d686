import { BooleanInput, SimpleForm, TextInput, email, regex, required } from 'react-admin';
import { communeText, formPages, ReferenceSearch } from '../common/kit';

/** Client-side hint only: the server checks the SIRET's Luhn key and answers in French. */
const CentreForm = () => (
  <SimpleForm>
    <TextInput source="raisonSociale" validate={required()} fullWidth />
    <TextInput source="nomCommercial" fullWidth />
    <TextInput source="siret" validate={[required(), regex(/^\d{14}$/, 'Le SIRET comporte 14 chiffres')]} />
    <TextInput source="nda" validate={regex(/^\d{11}$/, 'Le NDA comporte 11 chiffres')} />
    <TextInput source="uai" />
    <TextInput source="adresse" fullWidth />
    <TextInput source="complementAdresse" fullWidth />
    <TextInput source="codePostal" validate={regex(/^\d{5}$/, 'Code postal à 5 chiffres')} />
    <ReferenceSearch source="commune" reference="communes" optionText={communeText} validate={required()} />
    <TextInput source="telephone" />
    <TextInput source="email" validate={email()} />
    <TextInput source="contactNom" />
    <TextInput source="contactFonction" />
    <TextInput source="contactTelephone" />
    <TextInput source="contactEmail" validate={email()} />
    <BooleanInput source="actif" defaultValue />
  </SimpleForm>
);

export const { edit: CentreEdit, create: CentreCreate } = formPages(CentreForm);
