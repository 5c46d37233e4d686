/** Every content type of the app the back-office reaches, declared to the bridge (plugins declare their own). */
import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { paysResource } from './api/pays/resource';
import { centreResource } from './api/centre/resource';

export const resources: ResourceDefinition[] = [paysResource, centreResource];
