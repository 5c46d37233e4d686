import VerifiedIcon from '@mui/icons-material/Verified';
import { AgrementList } from './AgrementList';
import { AgrementShow } from './AgrementShow';
import { AgrementCreate, AgrementEdit } from './AgrementEdit';

export default {
  list: AgrementList,
  show: AgrementShow,
  edit: AgrementEdit,
  create: AgrementCreate,
  icon: VerifiedIcon,
};
