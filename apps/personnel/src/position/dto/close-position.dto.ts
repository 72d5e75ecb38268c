import { ReasonedChangeDto } from '../../common/dto';

export class ClosePositionDto extends ReasonedChangeDto {}
