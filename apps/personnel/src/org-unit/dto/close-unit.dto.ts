import { ReasonedChangeDto } from '../../common/dto';

export class CloseUnitDto extends ReasonedChangeDto {}
