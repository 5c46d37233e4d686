import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import { AutorisationList } from './AutorisationList';
import { AutorisationShow } from './AutorisationShow';
import { AutorisationCreate, AutorisationEdit } from './AutorisationEdit';

export default {
  list: AutorisationList,
  show: AutorisationShow,
  edit: AutorisationEdit,
  create: AutorisationCreate,
  icon: HourglassBottomIcon,
};
