import { Admin, Resource } from 'react-admin';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './i18n/fr';
import { Layout } from './layout/Layout';
import pays from './pays';

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
  </Admin>
);
