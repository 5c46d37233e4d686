import BusinessIcon from '@mui/icons-material/Business';
import { CentreList } from './CentreList';
import { CentreShow } from './CentreShow';
import { CentreCreate, CentreEdit } from './CentreEdit';

export default {
  list: CentreList,
  show: CentreShow,
  edit: CentreEdit,
  create: CentreCreate,
  icon: BusinessIcon,
  recordRepresentation: 'raisonSociale',
};
