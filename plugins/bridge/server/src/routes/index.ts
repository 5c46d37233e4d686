// Every back-office route. Authentication is Strapi's (users-permissions JWT); the bridge then checks
// profile, territory and state itself on every call.
const route = (method: string, path: string, handler: string) => ({ method, path, handler: `bridge.${handler}`, config: { policies: [] } });

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
