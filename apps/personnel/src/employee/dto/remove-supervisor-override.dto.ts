import { ReasonedChangeDto } from '../../common/dto';

export class RemoveOverrideDto extends ReasonedChangeDto {}
