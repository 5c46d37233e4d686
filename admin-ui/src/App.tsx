import { Admin, Resource } from 'react-admin';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './i18n/fr';
import { Layout } from './layout/Layout';
import pays from './pays';
import regions from './regions';
import departements from './departements';
import communes from './communes';
import titres from './titres';
import ccps from './ccps';
import ccss from './ccss';
import centres from './centres';
import sites from './sites';
import agrements from './agrements';
import autorisationsTemporaires from './autorisations-temporaires';
import controles from './controles';
import traces from './traces';
import extractions from './extractions';
import lotsEdition from './lots';
import editions from './editions';
import statistiques from './statistiques';
import jures, { periodesExperience } from './jures';
import habilitations from './habilitations';
import candidats from './candidats';
import demandesEquivalence from './demandes-equivalence';
import reglesEquivalence from './regles-equivalence';
import sessions from './sessions';

export const App = () => (
  <Admin
    title="CERES"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    requireAuth
    disableTelemetry
  >
    <Resource name="pays" {...pays} />
    <Resource name="regions" {...regions} />
    <Resource name="departements" {...departements} />
    <Resource name="communes" {...communes} />
    <Resource name="titres" {...titres} />
    <Resource name="ccps" {...ccps} />
    <Resource name="ccss" {...ccss} />
    <Resource name="centres" {...centres} />
    <Resource name="sites" {...sites} />
    <Resource name="agrements" {...agrements} />
    <Resource name="autorisations-temporaires" {...autorisationsTemporaires} />
    <Resource name="controles" {...controles} />
    <Resource name="sessions" {...sessions} />
    <Resource name="inscriptions" />
    <Resource name="membres-jury" />
    <Resource name="candidats" {...candidats} />
    <Resource name="demandes-equivalence" {...demandesEquivalence} />
    <Resource name="regles-equivalence" {...reglesEquivalence} />
    <Resource name="parcours" />
    <Resource name="jures" {...jures} />
    <Resource name="habilitations" {...habilitations} />
    <Resource name="periodes-experience" {...periodesExperience} />
    <Resource name="traces" {...traces} />
    <Resource name="statistiques" {...statistiques} />
    <Resource name="statistiques-sessions" />
    <Resource name="extractions" {...extractions} />
    <Resource name="lots-edition" {...lotsEdition} />
    <Resource name="editions" {...editions} />
  </Admin>
);
