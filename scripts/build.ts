import { build } from './lib/build';

// `npm run build` builds everything; `--for-tests` skips Strapi's admin panel (the suite drives the API)
build({ adminPanel: !process.argv.includes('--for-tests') });
