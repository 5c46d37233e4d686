import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::candidat.candidat');
