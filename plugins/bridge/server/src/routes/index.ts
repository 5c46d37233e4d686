// Every back-office route. Authentication: users-permissions' access tokens and accounts, checked by the
// bridge's own strategy in one statement (services/auth.ts); the bridge then checks profile, territory and
// state itself on every call.
import { bridgeAuthStrategy } from '../services/auth';

const route = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler: `bridge.${handler}`,
  config: { policies: [], auth: { strategies: [bridgeAuthStrategy] } },
});

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      route('GET', '/me', 'me'),
      route('GET', '/:resource', 'list'),
      route('POST', '/:resource', 'create'),
      route('GET', '/:resource/:id', 'findOne'),
      route('PUT', '/:resource/:id', 'update'),
      route('DELETE', '/:resource/:id', 'delete'),
      route('POST', '/:resource/:id/:action', 'action'),
    ],
  },
};
