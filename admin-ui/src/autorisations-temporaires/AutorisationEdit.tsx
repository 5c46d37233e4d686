import { DateInput, SimpleForm, TextInput, required } from 'react-admin';
import { codeIntitule, formPages, ReferenceSearch } from '../common/kit';

const AutorisationForm = () => (
  <SimpleForm>
    <ReferenceSearch source="centre" reference="centres" optionText="raisonSociale" validate={required()} />
    <ReferenceSearch source="titre" reference="titres" optionText={codeIntitule} validate={required()} />
    <DateInput source="dateDebut" validate={required()} />
    <DateInput source="dateFin" validate={required()} helperText="12 mois au plus" />
    <TextInput source="motif" validate={required()} multiline fullWidth />
    <DateInput source="dateDecision" />
  </SimpleForm>
);

export const { edit: AutorisationEdit, create: AutorisationCreate } = formPages(AutorisationForm, { createTitle: 'Accorder une autorisation temporaire' });
