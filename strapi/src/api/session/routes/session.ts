import { factories } from '@strapi/strapi';

// Strapi's stock REST for this type exists only for the benchmark (CERES_STOCK_REST=true, read-only API
// token): the back-office goes through the bridge, and no role is granted these routes.
export default factories.createCoreRouter('api::session.session', { only: process.env.CERES_STOCK_REST === 'true' ? ['find', 'findOne'] : [] });
