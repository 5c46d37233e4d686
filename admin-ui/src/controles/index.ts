import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ControleList } from './ControleList';
import { ControleShow } from './ControleShow';
import { ControleCreate, ControleEdit } from './ControleEdit';

export default {
  list: ControleList,
  show: ControleShow,
  edit: ControleEdit,
  create: ControleCreate,
  icon: FactCheckIcon,
};
