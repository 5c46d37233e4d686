/** Every content type of the app the back-office reaches, declared to the bridge (plugins declare their own). */
import type { ResourceDefinition } from '@ceres/plugin-bridge';
import { paysResource } from './api/pays/resource';
import { centreResource } from './api/centre/resource';
import { siteResource } from './api/site/resource';
import { agrementResource } from './api/agrement/resource';
import { autorisationTemporaireResource } from './api/autorisation-temporaire/resource';
import { controleResource } from './api/controle/resource';
import { regionResource } from './api/region/resource';
import { departementResource } from './api/departement/resource';
import { communeResource } from './api/commune/resource';
import { titreResource } from './api/titre/resource';
import { ccpResource } from './api/ccp/resource';
import { ccsResource } from './api/ccs/resource';
import { jureResource } from './api/jure/resource';
import { periodeExperienceResource } from './api/periode-experience/resource';
import { habilitationResource } from './api/habilitation/resource';
import { candidatResource } from './api/candidat/resource';
import { evenementParcoursResource } from './api/evenement-parcours/resource';
import { regleEquivalenceResource } from './api/regle-equivalence/resource';
import { demandeEquivalenceResource } from './api/demande-equivalence/resource';

export const resources: ResourceDefinition[] = [paysResource, centreResource, siteResource, agrementResource, autorisationTemporaireResource, controleResource, regionResource, departementResource, communeResource, titreResource, ccpResource, ccsResource, jureResource, periodeExperienceResource, habilitationResource, candidatResource, evenementParcoursResource, regleEquivalenceResource, demandeEquivalenceResource];
