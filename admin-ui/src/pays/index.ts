import PublicIcon from '@mui/icons-material/Public';
import { PaysList } from './PaysList';
import { PaysShow } from './PaysShow';
import { PaysCreate, PaysEdit } from './PaysEdit';

export default {
  list: PaysList,
  show: PaysShow,
  edit: PaysEdit,
  create: PaysCreate,
  icon: PublicIcon,
  recordRepresentation: 'nom',
};
